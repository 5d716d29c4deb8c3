package io.sightline.desktop.support;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.query.Query;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards of the test server made for sharing tests, each their own (a share link is per dashboard): one on the
 * demo's "Top products" chart with its {@code region} as a dashboard parameter, one with a query a viewer could
 * change (a text parameter), which the server refuses to share. Widgets are added through {@code POST /api/widgets}.
 */
public final class SharedDashboards {

    private final SightlineClient admin;

    public SharedDashboards(SightlineClient admin) {
        this.admin = admin;
    }

    /** A dashboard showing the top products of its {@code region} parameter (an enum, EMEA by default). */
    public Dashboard topProducts(String name) {
        Query query = demoQuery("sales__top_products__v1");
        long table = new QueriesClient(admin).query(query.id()).visualizations().stream().filter(v -> "Top products".equals(v.name()))
                .findFirst().orElseThrow().id();
        Dashboard dashboard = new DashboardsClient(admin).createDashboard(name, List.of());
        addWidget(dashboard.id(), table, Map.of("region", Map.of("name", "region", "type", "dashboard-level",
                "mapTo", "region", "title", "Region")));
        return new DashboardsClient(admin).dashboard(dashboard.id());
    }

    /** A dashboard whose one widget's query takes free text. */
    public Dashboard withTextParameter(String name, String queryName) {
        long dataSource = demoQuery("sales__top_products__v1").dataSourceId();
        Query query = new QueriesClient(admin).createQuery(new QueryDraft(dataSource, queryName, "", "SELECT '{{ word }}' AS word",
                List.of(new ParameterDeclaration("word", "Word", ParameterType.TEXT, "hello", null, null, null,
                        null)), List.of(), null));
        long words = new QueriesClient(admin).query(query.id()).visualizations().get(0).id();
        Dashboard dashboard = new DashboardsClient(admin).createDashboard(name, List.of());
        addWidget(dashboard.id(), words, Map.of());
        return new DashboardsClient(admin).dashboard(dashboard.id());
    }

    private Query demoQuery(String name) {
        return new QueriesClient(admin).queries(name, false, 1, 20).results().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private void addWidget(long dashboardId, long visualizationId, Map<String, Object> mappings) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("position", Map.of("col", 0, "row", 0, "sizeX", 12, "sizeY", 9));
        options.put("parameterMappings", mappings);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dashboard_id", dashboardId);
        body.put("visualization_id", visualizationId);
        body.put("text", "");
        body.put("width", 1);
        body.put("options", options);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestServer.get().url() + "/api/widgets"))
                    .header("Authorization", "Key " + TestServer.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Adding a widget answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of {@code GET url} without signing in, as a viewer of the link gets it. */
    public static int statusOf(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET url} without signing in: the body. */
    public static String bodyOf(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
