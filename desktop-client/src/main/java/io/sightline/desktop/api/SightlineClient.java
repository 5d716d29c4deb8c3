package io.sightline.desktop.api;

import io.sightline.common.api.datasource.ConnectionTestResult;
import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.common.api.datasource.DataSourceRequest;
import io.sightline.common.api.datasource.DataSourceSchema;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.common.parameter.ParameterDeclaration;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's HTTP API as the workbench uses it. Every method blocks: call it from a background task,
 * never from the FX thread. A failure is an {@link ApiException} whose message can be shown as it is.
 */
public final class SightlineClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 12.50 stays 12.50, as the database said
            .build();

    private final HttpUrl base;
    private final String apiKey;
    private final OkHttpClient http;

    /** @throws ApiException when {@code baseUrl} is not an http(s) URL */
    public SightlineClient(String baseUrl, String apiKey) {
        HttpUrl parsed = HttpUrl.parse(baseUrl == null ? "" : baseUrl.strip());
        if (parsed == null) {
            throw new ApiException(0, "\"" + baseUrl + "\" is not a server address; use http://host:port");
        }
        this.base = parsed;
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    public String baseUrl() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public Session session() {
        JsonNode user = get(url("api/session")).path("user");
        List<String> permissions = new ArrayList<>();
        user.path("permissions").forEach(p -> permissions.add(p.asString()));
        return new Session(user.path("id").asLong(), user.path("name").asString(), user.path("email").asString(),
                permissions, "");
    }

    public List<DataSourceSummary> dataSources() {
        return JSON.convertValue(get(url("api/data_sources")), new TypeReference<List<DataSourceSummary>>() { });
    }

    public List<SchemaTable> schema(long dataSourceId, boolean refresh) {
        HttpUrl.Builder url = url("api/data_sources/" + dataSourceId + "/schema").newBuilder();
        if (refresh) {
            url.addQueryParameter("refresh", "true");
        }
        DataSourceSchema schema = JSON.treeToValue(get(url.build()), DataSourceSchema.class);
        List<SchemaTable> tables = new ArrayList<>();
        for (DataSourceSchema.Table table : schema.schema()) {
            tables.add(new SchemaTable(table.name(), table.columns() == null ? List.of() : table.columns().stream()
                    .map(column -> new SchemaTable.SchemaColumn(column.name(), column.type())).toList()));
        }
        return tables;
    }

    public QueryPage queries(String search, boolean onlyMine, int page, int pageSize) {
        HttpUrl.Builder url = url("api/queries").newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("page_size", Integer.toString(pageSize))
                .addQueryParameter("order", "-updated_at");
        if (search != null && !search.isBlank()) {
            url.addQueryParameter("q", search.strip());
        }
        if (onlyMine) {
            url.addQueryParameter("only_mine", "true");
        }
        return JSON.treeToValue(get(url.build()), QueryPage.class);
    }

    public Query query(long id) {
        return JSON.treeToValue(get(url("api/queries/" + id)), Query.class);
    }

    public Query createQuery(QueryDraft draft) {
        return JSON.treeToValue(post(url("api/queries"), body(draft)), Query.class);
    }

    /** @throws ApiException with {@link ApiException#conflict()} when the draft's version is stale */
    public Query updateQuery(long id, QueryDraft draft) {
        Map<String, Object> body = body(draft);
        body.put("version", draft.version());
        return JSON.treeToValue(post(url("api/queries/" + id), body), Query.class);
    }

    public List<QueryVersion> versions(long queryId) {
        return JSON.convertValue(get(url("api/queries/" + queryId + "/versions")), new TypeReference<>() { });
    }

    public QueryVersion version(long queryId, long version) {
        return JSON.treeToValue(get(url("api/queries/" + queryId + "/versions/" + version)), QueryVersion.class);
    }

    /** The options of a query-based dropdown: from the latest result of query {@code queryId}. */
    public List<DropdownOption> dropdown(long queryId) {
        List<DropdownOption> options = new ArrayList<>();
        for (JsonNode option : get(url("api/queries/" + queryId + "/dropdown"))) {
            String value = option.path("value").asString();
            options.add(new DropdownOption(option.path("name").isNull() || option.path("name").isMissingNode()
                    ? value : option.path("name").asString(), value));
        }
        return options;
    }

    /** The parameter declarations in a query's {@code options}. */
    public static List<ParameterDeclaration> parameters(Map<String, Object> options) {
        Object declared = options == null ? null : options.get("parameters");
        if (declared == null) {
            return List.of();
        }
        return JSON.convertValue(declared, new TypeReference<List<ParameterDeclaration>>() { });
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
        JsonNode answer = post(url("api/query_results"), body);
        if (answer.has("query_result")) {
            return new RunStart.Ready(answer.path("query_result").path("id").asLong());
        }
        return new RunStart.Queued(JSON.treeToValue(answer.path("job"), Job.class));
    }

    public Job job(String jobId) {
        return JSON.treeToValue(get(url("api/jobs/" + jobId)).path("job"), Job.class);
    }

    public void cancelJob(String jobId) {
        call(new Request.Builder().url(url("api/jobs/" + jobId)).delete().build());
    }

    public ResultPage resultPage(long resultId, long offset, int limit) {
        HttpUrl url = url("api/query_results/" + resultId).newBuilder()
                .addQueryParameter("offset", Long.toString(offset))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        JsonNode result = get(url).path("query_result");
        List<Column> columns = JSON.convertValue(result.path("data").path("columns"), new TypeReference<>() { });
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

    public List<DataSourceType> dataSourceTypes() {
        return JSON.convertValue(get(url("api/data_sources/types")), new TypeReference<List<DataSourceType>>() { });
    }

    /** The admin view of a data source: options with secrets masked as {@link DataSourceDetail#MASK}. */
    public DataSourceDetail dataSource(long id) {
        return JSON.treeToValue(get(url("api/data_sources/" + id)), DataSourceDetail.class);
    }

    public long createDataSource(String name, String type, Map<String, Object> options) {
        return post(url("api/data_sources"), new DataSourceRequest(name, type, options)).path("id").asLong();
    }

    public void updateDataSource(long id, String name, String type, Map<String, Object> options) {
        post(url("api/data_sources/" + id), new DataSourceRequest(name, type, options));
    }

    /** @return null when the connection works, else the database's message */
    public String testDataSource(long id) {
        ConnectionTestResult result = JSON.treeToValue(post(url("api/data_sources/" + id + "/test"), Map.of()),
                ConnectionTestResult.class);
        return result.ok() ? null : result.message() == null ? "the test failed" : result.message();
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

    private static Map<String, Object> body(QueryDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source_id", draft.dataSourceId());
        body.put("name", draft.name());
        body.put("description", draft.description());
        body.put("query", draft.sql());
        body.put("options", Map.of("parameters", draft.parameters()));
        body.put("tags", draft.tags());
        return body;
    }

    private HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    private JsonNode get(HttpUrl url) {
        return call(new Request.Builder().url(url).get().build());
    }

    private JsonNode post(HttpUrl url, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON_TYPE)).build());
    }

    private JsonNode call(Request request) {
        Request authorised = request.newBuilder()
                .header("Authorization", "Key " + apiKey)
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(authorised).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), failureMessage(response.code(), text));
            }
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new ApiException(unreachableMessage(e), e);
        } catch (JacksonException e) {
            throw new ApiException(500, "The server at " + baseUrl() + " sent an answer the workbench cannot read ("
                    + e.getOriginalMessage() + "). Is this a Sightline server?");
        }
    }

    private String failureMessage(int status, String body) {
        String serverMessage = null;
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : List.of("message", "detail", "title")) {
                if (json.hasNonNull(field) && !json.path(field).asString().isBlank()) {
                    serverMessage = json.path(field).asString();
                    break;
                }
            }
        } catch (JacksonException notJson) {
            // a proxy's HTML page or plain text: the status below says enough
        }
        return switch (status) {
            case 401 -> "The server at " + baseUrl() + " did not accept the API key. Check the key"
                    + " (the admin's key is in ~/.sightline/admin-api-key on the server).";
            case 403 -> serverMessage != null ? serverMessage : "You are not allowed to do this.";
            case 404 -> serverMessage != null ? serverMessage : "Not found on the server (" + baseUrl() + ").";
            default -> serverMessage != null ? serverMessage : "The server answered HTTP " + status + ".";
        };
    }

    private String unreachableMessage(IOException e) {
        String where = "Cannot reach the server at " + baseUrl();
        if (e instanceof ConnectException) {
            return where + ": the connection was refused. Is the server running, and is the port right?";
        }
        if (e instanceof UnknownHostException) {
            return where + ": the host name \"" + base.host() + "\" is unknown.";
        }
        if (e instanceof InterruptedIOException) {
            return where + ": it did not answer in time.";
        }
        return where + ": " + e.getMessage();
    }
}
