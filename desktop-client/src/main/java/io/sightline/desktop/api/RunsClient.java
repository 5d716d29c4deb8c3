package io.sightline.desktop.api;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Runs and their results ({@code /api/query_results}, {@code /api/jobs}), over the workbench's transport. Every
 * method blocks: call it from a background task.
 */
public final class RunsClient {

    private final SightlineClient transport;

    public RunsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** Always runs ({@code max_age: 0}): an analyst pressing Run wants fresh rows. */
    public RunStart run(long dataSourceId, String sql, Map<String, Object> parameters, Long queryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source_id", dataSourceId);
        body.put("query", sql);
        body.put("max_age", 0);
        body.put("parameters", parameters);
        if (queryId != null) {
            body.put("query_id", queryId);
        }
        return started(transport.post(transport.url("api/query_results"), body));
    }

    /**
     * Runs a saved query as it is saved ({@code max_age: 0}), the server binding {@code parameters} with its
     * declarations: the run a view-only user may make, and the one that keeps the result as the query's latest.
     */
    public RunStart runSaved(long queryId, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("max_age", 0);
        body.put("parameters", parameters);
        return started(transport.post(transport.url("api/queries/" + queryId + "/results"), body));
    }

    public Job job(String jobId) {
        return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/jobs/" + jobId)).path("job"),
                Job.class);
    }

    public void cancelJob(String jobId) {
        transport.delete(transport.url("api/jobs/" + jobId));
    }

    public ResultPage resultPage(long resultId, long offset, int limit) {
        HttpUrl url = transport.url("api/query_results/" + resultId).newBuilder()
                .addQueryParameter("offset", Long.toString(offset))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        JsonNode result = transport.get(url).path("query_result");
        List<Column> columns = SightlineClient.JSON.convertValue(result.path("data").path("columns"),
                new TypeReference<>() { });
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode row : result.path("data").path("rows")) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scalar(row.get(columns.get(i).name()));
            }
            rows.add(values);
        }
        return new ResultPage(result.path("id").asLong(), result.path("runtime").asDouble(),
                result.path("retrieved_at").asString(""), result.path("row_count").asLong(rows.size()),
                result.path("truncated").asBoolean(false), result.path("row_limit").asLong(0),
                result.path("offset").asLong(offset), columns, rows);
    }

    /** A result at once when the server had one, else the queued job to follow. */
    private static RunStart started(JsonNode answer) {
        if (answer.has("query_result")) {
            return new RunStart.Ready(answer.path("query_result").path("id").asLong());
        }
        return new RunStart.Queued(SightlineClient.JSON.treeToValue(answer.path("job"), Job.class));
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
