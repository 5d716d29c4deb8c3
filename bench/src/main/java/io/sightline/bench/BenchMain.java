package io.sightline.bench;

import io.sightline.server.SightlineServer;
import io.sightline.server.datasource.DataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./sightline bench [core|production|viewers] [flags]}: the benchmarks of docs/performance.md, each path
 * beside its baseline in one run; all three when no selector is given. Prints Markdown tables and writes them under {@code bench/target}.
 * <ul>
 *   <li>{@code core} (issue 2): an embedded server (fresh data directory, demo data) in this JVM, each workload
 *       through the whole HTTP API path and directly through JDBC;</li>
 *   <li>{@code production} (issue 3): API + Redis + worker processes versus embedded mode versus direct JDBC
 *       ({@link ProductionBench});</li>
 *   <li>{@code viewers} (issue 13): 200 viewers of a shared dashboard versus static files of the same sizes, and
 *       the shared page's first paint in headless Chromium ({@link ViewersBench}; flags {@code --seconds=60
 *       --viewers=200 --rounds=4 --paint-runs=11 --pause-ms=0}).</li>
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
        try {
            if (!List.of("all", "core", "production", "viewers").contains(selector)) {
                throw new IllegalArgumentException("Unknown bench " + selector);
            }
            List<String> flags = ViewersBench.flagsOf(args, selected ? 1 : 0);
            if (!flags.isEmpty() && !List.of("all", "viewers").contains(selector)) {
                throw new IllegalArgumentException("Only the viewers bench takes flags");
            }
            viewers = ViewersBench.Options.parse(flags);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./sightline bench [core|production|viewers] [--seconds=60 --viewers=200 --rounds=4"
                    + " --paint-runs=11 --pause-ms=0]   (all three when none is given; the flags are the viewers bench's)");
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
        if (selector.equals("all") || selector.equals("viewers")) {
            String report = ViewersBench.run(viewers);
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-viewers-results.md"), report);
        }
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
