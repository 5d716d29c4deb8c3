package io.sightline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 10: step (3) of {@code bench production} (a worker's threads on {@code pg_sleep(0.2)} jobs through the Redis
 * path) for two builds at once, behind one {@code api}: a worker from each jar in turn at every size, the order
 * swapped each round, so both meet the same load. With {@code -Dsightline.compare.polling=true} both sides run the
 * same jar ({@code -Dsightline.server.jar}) and differ in the clients instead: "before" looks at a waiting job as
 * fast as it can (the bench until issue 10), "after" every 250 ms. Not part of {@code ./sightline bench}.
 * <pre>
 * java -Dsightline.before.jar=before.jar -Dsightline.server.jar=after.jar [-Dsightline.compare.threads=1,2,4]
 *      [-Dsightline.compare.rounds=2] -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 *      io.sightline.bench.ScalingComparison
 * </pre>
 */
public final class ScalingComparison {

    private static final String DATABASE = "sightline_bench_scaling";
    private static final int CLIENTS = 12;
    private static final int PER_THREAD = 30;

    private ScalingComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path after = Path.of(System.getProperty("sightline.server.jar"));
        boolean polling = Boolean.getBoolean("sightline.compare.polling");
        Path before = polling ? after : Path.of(System.getProperty("sightline.before.jar"));
        int rounds = Integer.getInteger("sightline.compare.rounds", 2);
        List<Integer> sizes = Arrays.stream(System.getProperty("sightline.compare.threads", "1,2,4").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "sightline-bench-" + runId + ":";
        ProductionBench.recreateDatabase(DATABASE);
        List<ServerProcess> started = new ArrayList<>();
        Map<String, List<WorkerScaling.ScalingStep>> steps = new LinkedHashMap<>();
        try (var clients = new Concurrent(CLIENTS)) {
            Map<String, String> env = ProductionBench.common(DATABASE, 1);
            env.put("SIGHTLINE_ROLE", "api");
            env.put("SIGHTLINE_REDIS_URL", ProductionBench.REDIS_URL);
            env.put("SIGHTLINE_REDIS_KEY_PREFIX", prefix);
            ServerProcess api = ServerProcess.start("scaling-api", env, after).awaitHealthy();
            started.add(api);
            var http = new BenchHttp(api.port(), BenchMain.KEY);
            long source = ProductionBench.postgresDataSource(http);
            var spinning = new ApiPath("clients without a pause", http, source, List.of(api));
            var pausing = new ApiPath("clients pausing 250 ms", http.pausingBetweenJobLooks(Duration.ofMillis(250)),
                    source, List.of(api));
            var scaling = new WorkerScaling(new ProductionWorkloads("scaling-" + runId));
            for (int round = 0; round < rounds; round++) {
                for (int threads : sizes) {
                    for (String side : round % 2 == 0 ? List.of("before", "after") : List.of("after", "before")) {
                        Map<String, String> workerEnv = new HashMap<>(env);
                        workerEnv.put("SIGHTLINE_ROLE", "worker");
                        workerEnv.put("SIGHTLINE_WORKER_THREADS", Integer.toString(threads));
                        ServerProcess worker = ServerProcess.start("scaling-" + side + "-" + threads + "-" + round,
                                workerEnv, side.equals("before") ? before : after).awaitHealthy();
                        started.add(worker);
                        var path = polling && side.equals("before") ? spinning : pausing;
                        var step = scaling.sleepingRun(path, clients, threads, PER_THREAD, api, worker);
                        System.err.println(line(side + ", round " + (round + 1), List.of(step)));
                        steps.computeIfAbsent(side + " " + threads, k -> new ArrayList<>()).add(step);
                        worker.close();
                        started.remove(worker);
                    }
                }
            }
        } finally {
            for (ServerProcess process : started) {
                process.close();
            }
            ProductionBench.deleteRedisKeys(prefix);
            ProductionBench.dropDatabase(DATABASE);
        }
        System.out.println("load average at the end: " + ProductionWorkloads.loadAverage());
        steps.forEach((side, same) -> System.out.println(line(side + " threads, all rounds", same)));
    }

    /** Queries per second over the steps (all their queries over all their wall time), and the worker's own figures. */
    private static String line(String label, List<WorkerScaling.ScalingStep> same) {
        long queries = same.stream().mapToLong(s -> s.run().latencies().length).sum();
        long nanos = same.stream().mapToLong(s -> s.run().wallNanos()).sum();
        int threads = same.get(0).threads();
        double rate = queries / (nanos / 1e9);
        double sleep = ProductionWorkloads.SLEEP_SECONDS;
        return String.format(Locale.ROOT, "%s: %d threads, %.2f q/s (%s), %.1f %% of ideal, a thread's time per job"
                        + " beyond the sleep %.0f ms; steady %.2f q/s, beyond the statement (%.1f ms over JDBC) %.1f ms;"
                        + " job run time %.0f ms, waiting %.1f, busy %.2f, load %s", label,
                threads, rate, String.join(" / ", same.stream()
                        .map(s -> String.format(Locale.ROOT, "%.2f", s.run().perSecond())).toList()),
                100 * rate / (threads / sleep), 1000 * (threads / rate - sleep),
                same.stream().mapToDouble(WorkerScaling.ScalingStep::steadyPerSecond).average().orElseThrow(),
                1000 * same.stream().mapToDouble(WorkerScaling.ScalingStep::statementSeconds).average().orElseThrow(),
                same.stream().mapToDouble(WorkerScaling.ScalingStep::beyondStatementMillis).average().orElseThrow(),
                1000 * same.stream().mapToDouble(WorkerScaling.ScalingStep::meanJobSeconds).average().orElseThrow(),
                same.stream().mapToDouble(WorkerScaling.ScalingStep::meanWaiting).average().orElseThrow(),
                same.stream().mapToDouble(WorkerScaling.ScalingStep::meanBusy).average().orElseThrow(),
                ProductionWorkloads.loadAverage());
    }
}
