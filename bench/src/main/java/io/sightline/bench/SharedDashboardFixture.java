package io.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the viewers bench loads, made through the API as a dashboard's owner would: a 10-widget dashboard of demo
 * visualizations (the Executive scorecard's six, then the trend chart, the quarter pivot, the country choropleth
 * and the store map), shared; every widget's result stored before the load starts; and a copy of each answer as a
 * static file of the same bytes, the ceiling the shared dashboard is compared with.
 */
final class SharedDashboardFixture {

    static final String NAME = "Bench: 10 widgets";
    /** Static files the bench server serves ({@code spring.mvc.static-path-pattern}): the viewer's assets' path. */
    static final String STATIC_PATH = "/viewer/bench/";
    private static final Duration WARM_LIMIT = Duration.ofMinutes(2);
    /** Dashboard name, then the visualization names taken from it, in the new dashboard's order. */
    private static final Map<String, List<String>> EXTRA = Map.of(
            "Revenue trend", List.of("Monthly revenue vs the previous year"),
            "Revenue by region", List.of("Revenue by region and quarter"),
            "Sales map", List.of("Revenue by country", "Store locations"));

    /** A shared dashboard: its page, its token, and its API paths (dashboard JSON, each widget's data). */
    record Shared(long id, String pageUrl, String token, ViewerLoad.Target api) {
    }

    private final BenchHttp admin;
    private final HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    SharedDashboardFixture(int port) {
        this.port = port;
        this.admin = new BenchHttp(port, BenchMain.KEY);
    }

    /** The demo Executive scorecard as the demo made it, shared. */
    Shared scorecard() {
        return share(dashboardId("Executive scorecard"));
    }

    /** The 10-widget dashboard, made and shared. */
    Shared tenWidgets() {
        JsonNode scorecard = admin.get("/api/dashboards/" + dashboardId("Executive scorecard"));
        List<JsonNode> widgets = new ArrayList<>(vizWidgets(scorecard));
        for (String dashboard : List.of("Revenue trend", "Revenue by region", "Sales map")) {
            for (JsonNode w : vizWidgets(admin.get("/api/dashboards/" + dashboardId(dashboard)))) {
                if (EXTRA.get(dashboard).contains(w.path("visualization").path("name").asString())) {
                    widgets.add(w);
                }
            }
        }
        if (widgets.size() != 10) {
            throw new IllegalStateException("Expected 10 demo visualizations, found " + widgets.size());
        }
        long id = admin.post("/api/dashboards", Map.of("name", NAME)).path("id").asLong();
        admin.post("/api/dashboards/" + id, Map.of("options", scorecard.path("options"))); // refreshed every 5 minutes
        int extra = 0;
        for (int i = 0; i < widgets.size(); i++) {
            ObjectNode options = ((ObjectNode) widgets.get(i).path("options")).deepCopy();
            if (i >= 6) { // below the scorecard's rows, two to a row
                options.set("position", BenchHttp.JSON.valueToTree(Map.of("col", extra % 2 * 6,
                        "row", 12 + extra / 2 * 8, "sizeX", 6, "sizeY", 8)));
                extra++;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dashboard_id", id);
            body.put("visualization_id", widgets.get(i).path("visualization").path("id").asLong());
            body.put("width", 1);
            body.put("options", options);
            admin.post("/api/widgets", body);
        }
        return share(id);
    }

    /**
     * Asks for every widget's data until each answers 200 (the first asks start the queries' runs), and writes the
     * dashboard's JSON and each widget's answer, byte for byte, as static files under {@code staticDir}.
     *
     * @return the same loop's paths on those static files
     */
    ViewerLoad.Target warmAndCopy(Shared shared, Path staticDir) throws IOException, InterruptedException {
        Files.write(staticDir.resolve("dashboard.json"), body(shared.api().dashboard(), 200));
        List<String> copies = new ArrayList<>();
        for (String widget : shared.api().widgets()) {
            String name = "widget-" + widget.replaceAll(".*/widgets/(\\d+)/results", "$1") + ".json";
            byte[] answer = body(widget, 200);
            JsonNode result = BenchHttp.JSON.readTree(answer);
            if (!result.path("status").asString().equals("done") || result.has("error")) {
                throw new IllegalStateException(widget + " has no result to draw: " + result);
            }
            Files.write(staticDir.resolve(name), answer);
            copies.add(STATIC_PATH + name);
        }
        return new ViewerLoad.Target("static files of the same sizes", STATIC_PATH + "dashboard.json", copies);
    }

    private Shared share(long id) {
        JsonNode link = admin.post("/api/dashboards/" + id + "/share", Map.of());
        String token = link.path("api_key").asString();
        String api = "/api/dashboards/public/" + token;
        JsonNode dashboard = admin.get(api);
        List<String> widgets = vizWidgets(dashboard).stream()
                .map(w -> api + "/widgets/" + w.path("id").asLong() + "/results").toList();
        String page = "http://127.0.0.1:" + port + URI.create(link.path("public_url").asString()).getPath();
        return new Shared(id, page, token, new ViewerLoad.Target("shared dashboard (" + widgets.size() + " widgets)",
                api, widgets));
    }

    /** The answer's body once it is {@code status}; 202 (the widget's query still running) is asked again. */
    private byte[] body(String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WARM_LIMIT.toNanos();
        while (true) {
            HttpResponse<byte[]> answer = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == status) {
                return answer.body();
            }
            if (answer.statusCode() != 202 || System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": "
                        + new String(answer.body()));
            }
            Thread.sleep(250);
        }
    }

    private long dashboardId(String name) {
        for (JsonNode d : admin.get("/api/dashboards?page_size=100").path("results")) {
            if (d.path("name").asString().equals(name)) {
                return d.path("id").asLong();
            }
        }
        throw new IllegalStateException("No demo dashboard named " + name);
    }

    private static List<JsonNode> vizWidgets(JsonNode dashboard) {
        List<JsonNode> widgets = new ArrayList<>();
        dashboard.path("widgets").forEach(w -> {
            if (w.path("visualization").isObject()) {
                widgets.add(w);
            }
        });
        return widgets;
    }
}
