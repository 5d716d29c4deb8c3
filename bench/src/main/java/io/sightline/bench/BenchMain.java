package io.sightline.bench;

import io.sightline.server.SightlineServer;
import io.sightline.server.datasource.DataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./sightline bench}: starts an embedded server (fresh data directory, demo data) in this JVM and runs
 * each workload through the whole HTTP API path and directly through JDBC, side by side, in one run.
 * Prints a Markdown table for docs/performance.md.
 */
public final class BenchMain {

    static final String KEY = "bench-admin-key-0123456789";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
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
