package io.sightline.bench;

import io.sightline.server.SightlineServer;
import io.sightline.server.datasource.DataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./sightline bench [core|production]}: the benchmarks of docs/performance.md, each path beside its baseline
 * in one run; both when no selector is given. Prints Markdown tables and writes them under {@code bench/target}.
 * <ul>
 *   <li>{@code core} (issue 2): an embedded server (fresh data directory, demo data) in this JVM, each workload
 *       through the whole HTTP API path and directly through JDBC;</li>
 *   <li>{@code production} (issue 3): API + Redis + worker processes versus embedded mode versus direct JDBC
 *       ({@link ProductionBench}).</li>
 * </ul>
 */
public final class BenchMain {

    static final String KEY = "bench-admin-key-0123456789";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String selector = args.length == 0 ? "all" : args[0];
        if (args.length > 1 || !List.of("all", "core", "production").contains(selector)) {
            System.err.println("usage: ./sightline bench [core|production]   (both when none is given)");
            System.exit(2);
        }
        if (!selector.equals("production")) {
            core();
        }
        if (!selector.equals("core")) {
            String report = ProductionBench.run();
            System.out.println();
            System.out.println(report);
            Files.writeString(Path.of("bench", "target", "bench-production-results.md"), report);
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
