package io.sightline.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A run through {@code POST /api/query_results} with {@code max_age 0}, read as a client reads it, on a server made of
 * {@code processes}.
 */
record ApiPath(String name, BenchHttp http, long dataSource, List<ServerProcess> processes) implements QueryPath {

    @Override
    public void run(String sql, long n) {
        JsonNode rows = http.runToResultJson("/api/query_results",
                Map.of("data_source_id", dataSource, "query", sql, "max_age", 0)).path("data").path("rows");
        if (rows.size() != 1 || rows.get(0).path("n").asLong() != n) {
            throw new IllegalStateException(name + ": expected n = " + n + ", got " + rows);
        }
    }

    @Override
    public Map<String, Duration> serverCpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach(process -> cpu.put(process.name(), process.cpu()));
        return cpu;
    }
}
