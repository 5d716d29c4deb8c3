package io.sightline.bench;

import io.sightline.common.api.dashboard.Dashboard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./sightline bench dashboards} (issue 22): each demo dashboard opened in the real desktop workbench, timed
 * from the open call until its visualizations are drawn (in the scene and laid out), {@code --runs=N} times each
 * <ul>
 *   <li>with cached results: the server holds a result of every widget's query (a first, unmeasured open made
 *       them), so each widget's {@code max_age=-1} lookup is answered at once;</li>
 *   <li>with cold results: before each open, each of the dashboard's queries gets a different trailing SQL comment
 *       (as an analyst's edit would), which changes its query hash, so no stored or cached result matches and the
 *       server runs every query anew. This goes through the normal open path; a Refresh ({@code max_age=0}) would
 *       keep the old drawings on screen until the new ones arrive, so "first widget drawn" would mean nothing.</li>
 * </ul>
 * The server is the packaged jar as a child process (embedded mode, demo data); the workbench runs in this JVM
 * on the display {@code ./sightline} gives it (Xvfb when the machine has none).
 */
final class DashboardsBench {

    static final int DEFAULT_RUNS = 11;
    private static final java.nio.file.Path SHOTS = java.nio.file.Path.of("bench", "target", "bench-logs");
    /** Redash's profile of a dashboard page: about 1.2 s of script time before the widgets stood. */
    static final double REDASH_SCRIPT_MILLIS = 1200;

    private DashboardsBench() {
    }

    /** One dashboard's samples. */
    private record Row(String name, int widgets, long firstOpen, long[] cached, long[] coldFirst, long[] coldAll,
                       int failed, long[] cachedShown, long[] cachedArrived, long[] cachedBuild) {
    }

    static String run(int runs) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SIGHTLINE_ADMIN_API_KEY", BenchMain.KEY);
        env.put("SIGHTLINE_DEMO_DATA", "always");
        env.put("LOGGING_LEVEL_ROOT", "warn");
        progress("starting the server");
        List<Row> rows = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start("dashboards", env)) {
            server.awaitHealthy();
            var http = new BenchHttp(server.port(), BenchMain.KEY);
            progress("starting the desktop workbench");
            try (var desktop = DashboardOpenTimer.start("http://127.0.0.1:" + server.port(), BenchMain.KEY)) {
                // those with something to draw (a demo dashboard may hold only text)
                List<Dashboard> dashboards = desktop.dashboards().stream()
                        .filter(d -> !queriesOf(http, d.id()).isEmpty())
                        .sorted(java.util.Comparator.comparingLong(Dashboard::id)).toList();
                // one open of each first, unmeasured in the table: the workbench's code loaded and compiled, and
                // every query's result stored on the server
                Map<Long, Long> firstOpens = new HashMap<>();
                for (Dashboard dashboard : dashboards) {
                    progress("first open of " + dashboard.name());
                    firstOpens.put(dashboard.id(), desktop.open(dashboard).allNanos());
                }
                int coldRun = 0;
                for (Dashboard dashboard : dashboards) {
                    Set<Long> queries = queriesOf(http, dashboard.id());
                    Map<Long, String> texts = new HashMap<>();
                    for (long query : queries) {
                        texts.put(query, http.get("/api/queries/" + query).path("query").asText());
                    }
                    long[] cached = new long[runs];
                    long[] shown = new long[runs];
                    long[] arrived = new long[runs];
                    long[] build = new long[runs];
                    long[] coldFirst = new long[runs];
                    long[] coldAll = new long[runs];
                    int widgets = 0;
                    int failed = 0;
                    progress(runs + " cached opens of " + dashboard.name());
                    for (int i = 0; i < runs; i++) {
                        // the last open's screen, as it was when every widget counted as drawn
                        DashboardOpenTimer.Open open = desktop.open(dashboard, i < runs - 1 ? null
                                : SHOTS.resolve("dashboard-" + dashboard.id() + "-cached.png"));
                        cached[i] = open.allNanos();
                        shown[i] = open.shownNanos();
                        arrived[i] = open.arrivedNanos();
                        build[i] = open.buildNanos();
                        widgets = open.widgets();
                        failed += open.failed();
                        Thread.sleep(200);
                    }
                    progress(runs + " cold opens of " + dashboard.name());
                    for (int i = 0; i < runs; i++) {
                        coldRun++;
                        Map<Long, Long> before = latestResults(http, queries);
                        for (long query : queries) {
                            http.post("/api/queries/" + query,
                                    Map.of("query", texts.get(query) + "\n-- bench cold run " + coldRun));
                        }
                        DashboardOpenTimer.Open open = desktop.open(dashboard);
                        coldFirst[i] = open.firstNanos();
                        coldAll[i] = open.allNanos();
                        failed += open.failed();
                        Map<Long, Long> after = latestResults(http, queries);
                        before.forEach((query, result) -> {
                            if (result != null && result.equals(after.get(query))) {
                                throw new IllegalStateException("A cold open of " + dashboard.name()
                                        + " was answered with query " + query + "'s stored result");
                            }
                        });
                        Thread.sleep(200);
                    }
                    for (long query : queries) {
                        http.post("/api/queries/" + query, Map.of("query", texts.get(query)));
                    }
                    rows.add(new Row(dashboard.name(), widgets, firstOpens.get(dashboard.id()), cached, coldFirst,
                            coldAll, failed, shown, arrived, build));
                }
            }
        }
        return markdown(runs, rows);
    }

    /** The ids of the queries behind the dashboard's visualization widgets. */
    private static Set<Long> queriesOf(BenchHttp http, long dashboard) {
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode widget : http.get("/api/dashboards/" + dashboard).path("widgets")) {
            JsonNode query = widget.path("visualization").path("query").path("id");
            if (query.isNumber()) {
                ids.add(query.asLong());
            }
        }
        return ids;
    }

    /** Each query's latest result id (null for one that keeps none, e.g. a query with parameters). */
    private static Map<Long, Long> latestResults(BenchHttp http, Set<Long> queries) {
        Map<Long, Long> latest = new HashMap<>();
        for (long query : queries) {
            JsonNode id = http.get("/api/queries/" + query).path("latest_query_data_id");
            latest.put(query, id.isNumber() ? id.asLong() : null);
        }
        return latest;
    }

    private static String markdown(int runs, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("### Opening the demo dashboards in the desktop workbench\n\n");
        out.append(("%d opens of each dashboard per column, median / p95 in ms, from the open call until the"
                + " visualizations are drawn (in the scene and laid out). Goal with cached results: all drawn in"
                + " under 1000 ms; Redash's own profile showed %.0f ms of script time for a dashboard.%n%n")
                .formatted(runs, REDASH_SCRIPT_MILLIS));
        out.append("| dashboard | charts | cached: all drawn | cold: first drawn | cold: all drawn"
                + " | first open in the process | under 1 s (cached p95) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Stats cached = new Stats(row.cached());
            out.append("| %s | %d | %s | %s | %s | %.0f | %s |%n".formatted(row.name(), row.widgets(), pair(cached),
                    pair(new Stats(row.coldFirst())), pair(new Stats(row.coldAll())), row.firstOpen() / 1e6,
                    cached.p(95) < 1000 ? "yes" : "no")
                    + (row.failed() > 0 ? "\n(" + row.failed() + " widget loads of " + row.name() + " failed)\n" : ""));
        }
        out.append("| *Redash (its profile: script time only)* | | *%.0f* | | | | |%n".formatted(REDASH_SCRIPT_MILLIS));
        out.append("\nWhere the time of a cached open goes (medians in ms, from the open call): the tab shown (the"
                + " dashboard's JSON fetched), the last widget's result arrived (its HTTP round trips), the FX thread's"
                + " time building the renderers' nodes (all widgets together), everything drawn (after CSS and"
                + " layout).\n\n");
        out.append("| dashboard | tab shown | results arrived | building the drawings | all drawn |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append("| %s | %.0f | %.0f | %.0f | %.0f |%n".formatted(row.name(),
                    new Stats(row.cachedShown()).medianMillis(), new Stats(row.cachedArrived()).medianMillis(),
                    new Stats(row.cachedBuild()).medianMillis(), new Stats(row.cached()).medianMillis()));
        }
        return out.toString();
    }

    private static String pair(Stats stats) {
        return "%.0f / %.0f".formatted(stats.medianMillis(), stats.p(95));
    }

    private static void progress(String step) {
        System.err.println("bench dashboards: " + step + " (load average " + ProductionWorkloads.loadAverage() + ")");
    }
}
