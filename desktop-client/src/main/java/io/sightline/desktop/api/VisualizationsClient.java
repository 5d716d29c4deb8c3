package io.sightline.desktop.api;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/visualizations} and a result read whole for drawing, over the workbench's transport. Every method
 * blocks: call it from a background task.
 */
public final class VisualizationsClient {

    /** A chart draws at most this many rows of a result (the point budget downsamples within them). */
    public static final int MAX_ROWS = 200_000;
    /** The server's largest page ({@code limit} of {@code GET /api/query_results/{id}}). */
    private static final int PAGE_ROWS = 50_000;

    private final SightlineClient transport;
    private final RunsClient runs;

    public VisualizationsClient(SightlineClient transport) {
        this.transport = transport;
        this.runs = new RunsClient(transport);
    }

    /** A visualization as the user set it up, before it is saved. */
    public record Draft(String type, String name, String description, Map<String, Object> options) {
    }

    public Visualization create(long queryId, Draft draft) {
        Map<String, Object> body = body(draft);
        body.put("query_id", queryId);
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/visualizations"), body),
                Visualization.class);
    }

    /**
     * Saves over the visualization.
     *
     * @param lastRead its {@code updated_at} as this client read it; null saves over whatever is there
     * @throws ApiException with {@link ApiException#conflict()} when someone saved it after {@code lastRead}
     */
    public Visualization update(long id, Draft draft, java.time.OffsetDateTime lastRead) {
        Map<String, Object> body = body(draft);
        if (lastRead != null) {
            body.put("updated_at", lastRead.toString());
        }
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/visualizations/" + id), body),
                Visualization.class);
    }

    public void delete(long id) {
        transport.delete(transport.url("api/visualizations/" + id));
    }

    /** The query's visualizations as the server has them now. */
    public List<Visualization> ofQuery(long queryId) {
        return new QueriesClient(transport).query(queryId).visualizations();
    }

    /** The first {@link #MAX_ROWS} rows of a stored result, as the renderers read them. */
    public ResultData result(long resultId) {
        return result(resultId, firstPage(resultId));
    }

    /** A stored result's first page, where {@link #result(long, ResultPage)} starts; it says when it was retrieved. */
    ResultPage firstPage(long resultId) {
        return runs.resultPage(resultId, 0, PAGE_ROWS);
    }

    /** As {@link #result(long)}, from its {@link #firstPage(long)} already read: one round trip less. */
    ResultData result(long resultId, ResultPage first) {
        ResultPage page = first;
        List<ResultColumn> columns = new ArrayList<>();
        for (Column column : page.columns()) {
            columns.add(new ResultColumn(column.name(), column.type() == null ? null : column.type().wireName()));
        }
        long wanted = Math.min(page.rowCount(), MAX_ROWS);
        List<Map<String, Object>> rows = new ArrayList<>((int) wanted);
        // one shape for every row: a row is its page's value array, not a hash map of its own
        ResultRow.Shape shape = ResultRow.Shape.of(columns.stream().map(ResultColumn::name).toList());
        while (true) {
            for (Object[] values : page.rows()) {
                rows.add(shape.row(values));
            }
            if (page.rows().isEmpty() || rows.size() >= wanted) {
                break;
            }
            page = runs.resultPage(resultId, rows.size(), (int) Math.min(PAGE_ROWS, wanted - rows.size()));
        }
        return new ResultData(List.copyOf(columns), rows);
    }

    private static Map<String, Object> body(Draft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", draft.type());
        body.put("name", draft.name());
        body.put("description", draft.description() == null ? "" : draft.description());
        body.put("options", draft.options() == null ? Map.of() : draft.options());
        return body;
    }
}
