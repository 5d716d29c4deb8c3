package io.sightline.bench;

import io.sightline.server.datasource.DataSources;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** The workloads of issue 2's performance section, each measured via the API and directly via JDBC. */
final class Workloads {

    private static final String SEED_SQL = "SELECT region, SUM(amount) AS revenue FROM sales.fact_transactions"
            + " WHERE transaction_ts BETWEEN '2000-01-01' AND '2100-01-01' GROUP BY region ORDER BY revenue DESC;";
    private static final String WIDE_SQL = "SELECT transaction_id, transaction_ts, region, country, customer_id, product,"
            + " amount FROM sales.fact_transactions ORDER BY transaction_id LIMIT 100000";

    private final BenchHttp http;
    private final DataSources dataSources;
    private final long demo;
    private final Path demoFile;

    Workloads(BenchHttp http, DataSources dataSources, long demo, Path demoFile) {
        this.http = http;
        this.dataSources = dataSources;
        this.demo = demo;
        this.demoFile = demoFile;
    }

    /** (a) A SELECT 1-sized query: what the API path adds to a round trip. */
    String smallQueryLatency() throws SQLException {
        int warmup = 300;
        int runs = 1_000;
        for (int i = 0; i < warmup; i++) {
            apiSmall();
            directSmall();
        }
        long[] api = new long[runs];
        long[] direct = new long[runs];
        long[] ping = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            apiSmall();
            long t1 = System.nanoTime();
            directSmall();
            long t2 = System.nanoTime();
            http.text("/ping");
            long t3 = System.nanoTime();
            api[i] = t1 - t0;
            direct[i] = t2 - t1;
            ping[i] = t3 - t2;
        }
        Stats a = new Stats(api);
        Stats d = new Stats(direct);
        Stats p = new Stats(ping);
        return String.format(Locale.ROOT, """
                ### (a) Small query (`SELECT 1`), %d runs after %d warm-up
                | path | p50 ms | p95 ms |
                |---|---|---|
                | API: POST /api/query_results, answered with the result (rows read from the answer) | %.2f | %.2f |
                | direct JDBC (same pool) | %.2f | %.2f |
                | **added by the API** | **%.2f** | **%.2f** |
                | for scale: one HTTP round trip, `GET /ping` | %.2f | %.2f |

                """, runs, warmup, a.p(50), a.p(95), d.p(50), d.p(95), a.p(50) - d.p(50), a.p(95) - d.p(95),
                p.p(50), p.p(95));
    }

    private void apiSmall() {
        JsonNode rows = http.runToResultJson("/api/query_results",
                Map.of("data_source_id", demo, "query", "SELECT 1 AS x", "max_age", 0)).path("data").path("rows");
        if (rows.get(0).path("x").asInt() != 1) {
            throw new IllegalStateException("wrong result " + rows);
        }
    }

    private void directSmall() throws SQLException {
        try (Connection connection = dataSources.forRun(demo).connection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 AS x")) {
            rs.next();
            if (rs.getInt(1) != 1) {
                throw new IllegalStateException("wrong result");
            }
        }
    }

    /** (b) The seed aggregate over the 1,000,000-row demo table. */
    String seedAggregate() throws SQLException {
        long queryId = http.get("/api/queries/search?q=sales__revenue_by_region__v1").path("results").get(0).path("id").asLong();
        Map<String, Object> body = Map.of("max_age", 0,
                "parameters", Map.of("start_date", "2000-01-01", "end_date", "2100-01-01"));
        int runs = 20;
        for (int i = 0; i < 3; i++) {
            http.runToResult("/api/queries/" + queryId + "/results", body);
            directRows(demo, SEED_SQL);
        }
        long[] api = new long[runs];
        long[] direct = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            JsonNode rows = http.runToResultJson("/api/queries/" + queryId + "/results", body).path("data").path("rows");
            if (rows.size() != 4) {
                throw new IllegalStateException("expected 4 regions, got " + rows);
            }
            long t1 = System.nanoTime();
            directRows(demo, SEED_SQL);
            long t2 = System.nanoTime();
            api[i] = t1 - t0;
            direct[i] = t2 - t1;
        }
        Stats a = new Stats(api);
        Stats d = new Stats(direct);
        return String.format(Locale.ROOT, """
                ### (b) Seed aggregate over 1,000,000 rows, %d runs after 3 warm-up
                | path | p50 ms | p95 ms |
                |---|---|---|
                | API: POST /api/queries/{id}/results with parameters, answered with the result | %.1f | %.1f |
                | direct JDBC (same SQL, same pool) | %.1f | %.1f |
                | **ratio API / direct (p50)** | **%.3f×** | |

                """, runs, a.p(50), a.p(95), d.p(50), d.p(95), a.p(50) / d.p(50));
    }

    /** (c) A 100,000-row × 7-column result, fetched page by page as a client would. */
    String pagedLargeResult() throws SQLException {
        long wide = dataSources.create("Bench sales (row limit 200k)", "duckdb",
                Map.of("dbpath", demoFile.toString(), "read_only", true, "row_limit", 200_000));
        int pageRows = 10_000;
        int runs = 7;
        long[] api = new long[runs];
        long[] direct = new long[runs];
        long[] pagesOnly = new long[runs];
        for (int i = -2; i < runs; i++) {
            long t0 = System.nanoTime();
            // the answer carries the first page when the run ends within the server's answer window
            JsonNode answer = http.post("/api/query_results",
                    Map.of("data_source_id", wide, "query", WIDE_SQL, "max_age", 0, "limit", pageRows));
            long result = http.resultOf(answer);
            long t1 = System.nanoTime();
            long rows = answer.path("query_result").path("data").path("rows").size();
            for (int offset = (int) rows; offset < 100_000; offset += pageRows) {
                rows += http.get("/api/query_results/" + result + "?offset=" + offset + "&limit=" + pageRows)
                        .path("query_result").path("data").path("rows").size();
            }
            long t2 = System.nanoTime();
            if (rows != 100_000) {
                throw new IllegalStateException("paged " + rows + " rows");
            }
            long directCount = directRows(wide, WIDE_SQL);
            long t3 = System.nanoTime();
            if (directCount != 100_000) {
                throw new IllegalStateException("direct " + directCount + " rows");
            }
            if (i >= 0) {
                api[i] = t2 - t0;
                pagesOnly[i] = t2 - t1;
                direct[i] = t3 - t2;
            }
        }
        Stats a = new Stats(api);
        Stats p = new Stats(pagesOnly);
        Stats d = new Stats(direct);
        return String.format(Locale.ROOT, """
                ### (c) 100,000 rows × 7 columns, pages of %,d rows, %d runs after 2 warm-up (medians)
                | path | ms | rows/s |
                |---|---|---|
                | API end to end: run (stream into the result store, first page in the answer) + read the other pages | %.0f | %,.0f |
                | API, reading the stored pages after the run | %.0f | %,.0f |
                | direct JDBC: execute and read every column of every row | %.0f | %,.0f |

                """, pageRows, runs, a.p(50), 100_000 / (a.p(50) / 1000), p.p(50), 100_000 / (p.p(50) / 1000),
                d.p(50), 100_000 / (d.p(50) / 1000));
    }

    /** (d) The worker's heap as the query's result grows past the row limit (10,000 on the demo source). */
    String workerHeapPastRowLimit() {
        StringBuilder table = new StringBuilder("""
                ### (d) Worker heap as the result grows past the row limit (10,000)
                | rows the SQL would return | rows stored | truncated | peak heap above baseline, MB (sampled every ms) | ms |
                |---|---|---|---|---|
                """);
        for (long limit : new long[] {20_000, 100_000, 1_000_000}) {
            String sql = "SELECT transaction_id, transaction_ts, region, country, customer_id, product, amount"
                    + " FROM sales.fact_transactions LIMIT " + limit;
            http.runToResult("/api/query_results", Map.of("data_source_id", demo, "query", sql, "max_age", 0)); // warm
            System.gc();
            var memory = ManagementFactory.getMemoryMXBean();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            long result = http.runToResult("/api/query_results", Map.of("data_source_id", demo, "query", sql, "max_age", 0));
            long took = System.nanoTime() - t0;
            running.set(false);
            JsonNode header = http.get("/api/query_results/" + result + "?offset=0&limit=1").path("query_result");
            table.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %.1f | %.0f |%n", limit,
                    header.path("row_count").asLong(), header.path("truncated").asBoolean(),
                    (peak.get() - baseline) / 1e6, took / 1e6));
        }
        return table.append('\n').toString();
    }

    private long directRows(long dataSource, String sql) throws SQLException {
        try (Connection connection = dataSources.forRun(dataSource).connection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            long rows = 0;
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                rows++;
            }
            return rows;
        }
    }
}
