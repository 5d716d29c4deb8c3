package io.sightline.bench;

import io.sightline.server.SightlineServer;
import io.sightline.server.datasource.DataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./sightline bench [core|production|viewers|dashboards] [flags]}: the benchmarks of docs/performance.md,
 * each path beside its baseline in one run; all four when no selector is given. Prints Markdown tables and writes them under {@code bench/target}.
 * <ul>
 *   <li>{@code core} (issue 2): an embedded server (fresh data directory, demo data) in this JVM, each workload
 *       through the whole HTTP API path and directly through JDBC;</li>
 *   <li>{@code production} (issue 3): API + Redis + worker processes versus embedded mode versus direct JDBC
 *       ({@link ProductionBench});</li>
 *   <li>{@code compare} (issue 10, not part of all): two builds of the server jar side by side, Redis stack and
 *       embedded each, paths taking turns ({@link JarComparisonBench}; {@code -Dsightline.before.jar=<jar>});</li>
 *   <li>{@code viewers} (issue 13): 200 viewers of a shared dashboard versus static files of the same sizes, and
 *       the shared page's first paint in headless Chromium ({@link ViewersBench}; flags {@code --seconds=60
 *       --viewers=200 --rounds=4 --paint-runs=11 --pause-ms=0});</li>
 *   <li>{@code dashboards} (issue 22): each demo dashboard opened in the real desktop workbench with cached and
 *       with cold results ({@link DashboardsBench}; flag {@code --runs=11}). It needs a display: {@code ./sightline}
 *       runs the benchmarks under Xvfb when there is none.</li>
 * </ul>
 */
public final class BenchMain {

    static final String KEY = "bench-admin-key-0123456789";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean selected = args.length > 0 && !args[0].startsWith("--");
        String selector = selected ? args[0] : "all";
        ViewersBench.Options viewers;
        int dashboardRuns = DashboardsBench.DEFAULT_RUNS;
        try {
            if (!List.of("all", "core", "production", "compare", "viewers", "dashboards").contains(selector)) {
                throw new IllegalArgumentException("Unknown bench " + selector);
            }
            List<String> flags = ViewersBench.flagsOf(args, selected ? 1 : 0);
            for (String flag : List.copyOf(flags)) {
                if (flag.startsWith("--runs=")) {
                    if (!flag.matches("--runs=\\d{1,5}") || Integer.parseInt(flag.substring(7)) < 1) {
                        throw new IllegalArgumentException("Invalid flag " + flag + "; --runs=N takes N of at least 1");
                    }
                    dashboardRuns = Integer.parseInt(flag.substring(7));
                    flags.remove(flag);
                    if (!List.of("all", "dashboards").contains(selector)) {
                        throw new IllegalArgumentException("Only the dashboards bench takes --runs");
                    }
                }
            }
            if (!flags.isEmpty() && !List.of("all", "viewers").contains(selector)) {
                throw new IllegalArgumentException("Only the viewers bench takes these flags: " + flags);
            }
            viewers = ViewersBench.Options.parse(flags);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./sightline bench [core|production|viewers|dashboards] [--seconds=60 --viewers=200"
                    + " --rounds=4 --paint-runs=11 --pause-ms=0] [--runs=11]   (all four when none is given; --runs is"
                    + " the dashboards bench's flag, the others the viewers bench's)");
            System.exit(2);
            return;
        }
        if (selector.equals("all") || selector.equals("core")) {
            core();
        }
        if (selector.equals("all") || selector.equals("production")) {
            String report = ProductionBench.run();
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-production-results.md"), report);
        }
        if (selector.equals("compare")) {
            String report = JarComparisonBench.run();
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-compare-results.md"), report);
        }
        if (selector.equals("all") || selector.equals("viewers")) {
            String report = ViewersBench.run(viewers);
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-viewers-results.md"), report);
        }
        if (selector.equals("all") || selector.equals("dashboards")) {
            String report = DashboardsBench.run(dashboardRuns);
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-dashboards-results.md"), report);
        }
        // the desktop workbench's threads (JavaFX, its HTTP client) would keep the JVM alive
        System.exit(0);
    }

    private static void core() throws Exception {
        Path dataDir = Files.createTempDirectory("sightline-bench-");
        // command-line arguments: they win over application.yml and the environment
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SightlineServer.class).run(
                "--server.port=0", "--sightline.data-dir=" + dataDir, "--sightline.admin-api-key=" + KEY,
                "--sightline.database-url=", "--sightline.demo-data=always", "--logging.level.root=warn");
        try {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DataSources dataSources = context.getBean(DataSources.class);
            var http = new BenchHttp(port, KEY);
            var workloads = new Workloads(http, dataSources, dataSources.findIdByName("Demo sales").orElseThrow(),
                    dataDir.resolve("demo").resolve("demo.duckdb"));
            StringBuilder report = new StringBuilder();
            report.append(workloads.smallQueryLatency());
            report.append(workloads.seedAggregate());
            report.append(workloads.pagedLargeResult());
            report.append(workloads.workerHeapPastRowLimit());
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-results.md"), report);
        } finally {
            context.close();
        }
    }
}
