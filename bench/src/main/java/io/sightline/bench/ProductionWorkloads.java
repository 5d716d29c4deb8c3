package io.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/** The workloads of issue 3's performance section: the Redis path beside embedded mode and direct JDBC. */
final class ProductionWorkloads {

    static final double SLEEP_SECONDS = 0.2;

    private final String tag;

    /** {@code tag} goes into every query text, so nothing from an earlier run can answer for this one. */
    ProductionWorkloads(String tag) {
        this.tag = tag;
    }

    LongFunction<String> small() {
        return n -> "SELECT " + n + " AS n, '" + tag + "' AS tag";
    }

    LongFunction<String> sleeping() {
        return n -> "SELECT " + n + " AS n, '" + tag + "' AS tag, pg_sleep(" + SLEEP_SECONDS + ") AS slept";
    }

    /** (2) One client, one query at a time, the paths taking turns: what each path adds to a round trip. */
    String latency(List<QueryPath> paths, int warmup, int runs) throws Exception {
        return latency(paths, warmup, runs, "added by the Redis path over embedded");
    }

    /** As {@link #latency(List, int, int)}; the table's last line, {@code firstOverSecond}, is path 1 minus path 2. */
    String latency(List<QueryPath> paths, int warmup, int runs, String firstOverSecond) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (QueryPath path : paths) {
                long n = Concurrent.nextNumber();
                path.run(small().apply(n), n);
            }
        }
        String loadBefore = loadAverage();
        long[][] nanos = new long[paths.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int p = 0; p < paths.size(); p++) {
                long n = Concurrent.nextNumber();
                long t0 = System.nanoTime();
                paths.get(p).run(small().apply(n), n);
                nanos[p][i] = System.nanoTime() - t0;
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                ### (2) Latency of one small query, one client: %d runs per path after %d warm-up, paths taking turns
                Load average (1/5/15 min) before: %s, after: %s.

                | path | p50 ms | p95 ms | p50 added over direct JDBC | p95 added over direct JDBC |
                |---|---|---|---|---|
                """, runs, warmup, loadBefore, loadAverage()));
        Stats direct = new Stats(nanos[paths.size() - 1]);
        for (int p = 0; p < paths.size(); p++) {
            Stats s = new Stats(nanos[p]);
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", paths.get(p).name(),
                    s.p(50), s.p(95), s.p(50) - direct.p(50), s.p(95) - direct.p(95)));
        }
        Stats redis = new Stats(nanos[0]);
        Stats embedded = new Stats(nanos[1]);
        table.append(String.format(Locale.ROOT, "| **%s** | | | **%.2f** (p50) | **%.2f** (p95) |%n%n",
                firstOverSecond, redis.p(50) - embedded.p(50), redis.p(95) - embedded.p(95)));
        return table.toString();
    }

    /**
     * (1) {@code clients} threads running small queries as fast as they are answered; the paths take turns per round.
     * Beside the rate, the CPU time the server processes used per query: on a shared machine it varies far less
     * than the rate does.
     */
    String throughput(List<QueryPath> paths, Concurrent clients, int clientCount, int queries, int rounds) throws Exception {
        for (QueryPath path : paths) {
            clients.run(path, Math.max(clientCount * 10, queries / 2), small()); // warm-up
        }
        String loadBefore = loadAverage();
        List<List<Concurrent.Run>> runs = new ArrayList<>();
        List<Map<String, Long>> cpuNanos = new ArrayList<>();
        paths.forEach(path -> {
            runs.add(new ArrayList<>());
            cpuNanos.add(new LinkedHashMap<>());
        });
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < paths.size(); p++) {
                QueryPath path = paths.get(p);
                Map<String, Duration> cpuBefore = path.serverCpu();
                runs.get(p).add(clients.run(path, queries, small()));
                Map<String, Long> used = cpuNanos.get(p);
                path.serverCpu().forEach((process, cpu) ->
                        used.merge(process, cpu.minus(cpuBefore.get(process)).toNanos(), Long::sum));
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                ### (1) Throughput of small queries, %d client threads: %d rounds of %,d queries per path, paths taking turns
                Load average (1/5/15 min) before: %s, after: %s.

                | path | queries/s (median of rounds) | min – max of rounds | latency under load p50 ms | p95 ms | CPU of the server processes per query, ms |
                |---|---|---|---|---|---|
                """, clientCount, rounds, queries, loadBefore, loadAverage()));
        StringBuilder split = new StringBuilder();
        double measured = rounds * (double) queries;
        for (int p = 0; p < paths.size(); p++) {
            double[] rates = runs.get(p).stream().mapToDouble(Concurrent.Run::perSecond).sorted().toArray();
            Stats latency = new Stats(runs.get(p).stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray());
            Map<String, Long> used = cpuNanos.get(p);
            String cpu = used.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f",
                    used.values().stream().mapToLong(Long::longValue).sum() / 1e6 / measured);
            table.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f – %,.0f | %.2f | %.2f | %s |%n", paths.get(p).name(),
                    rates[rates.length / 2], rates[0], rates[rates.length - 1], latency.p(50), latency.p(95), cpu));
            if (used.size() > 1) {
                split.append(String.format(Locale.ROOT, "%nCPU per query by process, %s: %s.%n", paths.get(p).name(),
                        String.join(", ", used.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f ms",
                                e.getKey(), e.getValue() / 1e6 / measured)).toList())));
            }
        }
        return table.append(split).append('\n').toString();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
