package io.sightline.desktop.api;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.dashboard.DashboardPage;
import io.sightline.common.api.execution.Job;
import io.sightline.common.visualization.ResultData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Dashboards ({@code /api/dashboards...}): the lists, one dashboard, its widgets and their results, over the
 * workbench's transport. Every method blocks: call it from a background task.
 */
public final class DashboardsClient {

    static final long POLL_MILLIS = 150;

    private final SightlineClient transport;
    private final VisualizationsClient visualizations;
    private final RunsClient runs;
    private final QueriesClient queries;

    public DashboardsClient(SightlineClient transport) {
        this.transport = transport;
        this.visualizations = new VisualizationsClient(transport);
        this.runs = new RunsClient(transport);
        this.queries = new QueriesClient(transport);
    }

    /** A widget's result, read whole for drawing, and when the server retrieved it (ISO-8601, as sent). */
    public record WidgetResult(ResultData data, String retrievedAt) {
    }

    /** Asks the server to cancel a widget's job (a dashboard's loading was cancelled). */
    public void cancelJob(String jobId) {
        runs.cancelJob(jobId);
    }

    /** One page of dashboards, newest change first; {@code favoritesOnly}: the user's starred ones. */
    public DashboardPage dashboards(String search, boolean favoritesOnly, int page, int pageSize) {
        HttpUrl.Builder url = transport.url(favoritesOnly ? "api/dashboards/favorites" : "api/dashboards")
                .newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("page_size", Integer.toString(pageSize));
        if (search != null && !search.isBlank()) {
            url.addQueryParameter("q", search.strip());
        }
        return SightlineClient.JSON.treeToValue(transport.get(url.build()), DashboardPage.class);
    }

    public Dashboard dashboard(long id) {
        return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/dashboards/" + id)),
                Dashboard.class);
    }

    /**
     * A new dashboard, published at once ({@code is_draft: false}): the server's default, as Redash's, is a draft
     * that only its owner sees in the lists.
     */
    public Dashboard createDashboard(String name, List<String> tags) {
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/dashboards"),
                Map.of("name", name, "tags", tags, "is_draft", false)), Dashboard.class);
    }

    public Dashboard favoriteDashboard(long id, boolean favorite) {
        HttpUrl url = transport.url("api/dashboards/" + id + "/favorite");
        return SightlineClient.JSON.treeToValue(favorite ? transport.post(url, Map.of()) : transport.delete(url),
                Dashboard.class);
    }

    /**
     * Runs saved query {@code queryId} with {@code parameters} through {@code POST /api/queries/{id}/results}, the
     * path the query tab runs a saved query by, but with {@code maxAge} seconds so a cached result is used
     * ({@code -1}: any cached result), follows the job and reads the result.
     *
     * @throws ApiException with the job's error when the query failed
     */
    public WidgetResult latestResult(long queryId, Map<String, Object> parameters, long maxAge)
            throws InterruptedException {
        return latestResult(queryId, parameters, maxAge, job -> { });
    }

    /** As {@link #latestResult(long, Map, long)}, telling {@code onJob} the id of the job when one is queued. */
    public WidgetResult latestResult(long queryId, Map<String, Object> parameters, long maxAge,
                                     java.util.function.Consumer<String> onJob) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("max_age", maxAge);
        body.put("parameters", parameters == null ? Map.of() : parameters);
        JsonNode answer = transport.post(transport.url("api/queries/" + queryId + "/results"), body);
        long resultId;
        if (answer.has("query_result")) {
            resultId = answer.path("query_result").path("id").asLong();
        } else {
            Job job = SightlineClient.JSON.treeToValue(answer.path("job"), Job.class);
            onJob.accept(job.id());
            while (!job.status().ended()) {
                Thread.sleep(POLL_MILLIS);
                job = runs.job(job.id());
            }
            Long result = job.queryResultId() != null ? job.queryResultId() : job.result();
            if (result == null) {
                throw new ApiException(0, job.error() == null || job.error().isBlank()
                        ? "The query did not finish (" + job.status() + ")." : job.error());
            }
            resultId = result;
        }
        // the first page says when the result was retrieved too: read once, not once for that and again for the rows
        ResultPage first = visualizations.firstPage(resultId);
        return new WidgetResult(visualizations.result(resultId, first), first.retrievedAt());
    }

    /** The visualizations of the first {@code limit} queries the caller sees whose name matches {@code search}. */
    public java.util.List<VisualizationChoice> visualizations(String search, int limit) {
        java.util.List<VisualizationChoice> choices = new java.util.ArrayList<>();
        for (io.sightline.common.api.query.Query found : queries.queries(search == null ? "" : search.strip(),
                false, 1, limit).results()) {
            io.sightline.common.api.query.Query query = queries.query(found.id());
            if (query.visualizations() != null) {
                query.visualizations().forEach(v -> choices.add(new VisualizationChoice(query.id(), query.name(), v)));
            }
        }
        return choices;
    }

    /**
     * Adds a widget through {@code POST /api/widgets}: visualization {@code visualizationId}, or a text widget
     * with {@code text} (Markdown) when it is null. Answers the new widget's id.
     */
    public long addWidget(long dashboardId, Long visualizationId, String text, Map<String, Object> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dashboard_id", dashboardId);
        body.put("visualization_id", visualizationId);
        body.put("text", text == null ? "" : text);
        body.put("width", 1);
        body.put("options", options);
        return transport.post(transport.url("api/widgets"), body).path("id").asLong();
    }

    /**
     * Claims the dashboard for a save of its widgets: {@code POST /api/dashboards/{id}} with only the {@code version}
     * the editor started from, which the server bumps, or refuses with 409 when someone saved the dashboard since.
     * Widgets are written one by one, as in Redash, without a version of their own.
     *
     * @throws ApiException with {@link ApiException#conflict()} when the dashboard is no longer at {@code version}
     */
    public Dashboard claim(long dashboardId, long version) {
        return SightlineClient.JSON.convertValue(
                transport.post(transport.url("api/dashboards/" + dashboardId), Map.of("version", version)),
                Dashboard.class);
    }

    /**
     * Publishes a draft dashboard (Redash's {@code is_draft: false}, as its Publish button): it then shows in
     * everyone's lists. Answers the dashboard as it is now (its version bumped).
     */
    public Dashboard publish(long dashboardId) {
        return SightlineClient.JSON.convertValue(
                transport.post(transport.url("api/dashboards/" + dashboardId), Map.of("is_draft", false)),
                Dashboard.class);
    }

    /** Replaces a widget's {@code options} (position, parameter mappings...): {@code POST /api/widgets/{id}}. */
    public void updateWidget(long widgetId, Map<String, Object> options) {
        transport.post(transport.url("api/widgets/" + widgetId), Map.of("options", options));
    }

    /** Removes a widget from its dashboard ({@code DELETE /api/widgets/{id}}). */
    public void removeWidget(long widgetId) {
        transport.delete(transport.url("api/widgets/" + widgetId));
    }

    /**
     * A dashboard as the JSON maps {@code GET /api/dashboards/{id}} returns, for common's
     * {@code DashboardParameterValues}, which reads the parameter mappings the way Redash's client does.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Dashboard dashboard) {
        return SightlineClient.JSON.convertValue(dashboard, Map.class);
    }

    /** Who besides its owner and the admins may change a dashboard, over the same transport. */
    public PermissionsClient permissions() {
        return new PermissionsClient(transport);
    }
}
