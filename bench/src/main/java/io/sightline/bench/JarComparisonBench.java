package io.sightline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code BenchMain compare -Dsightline.before.jar=<jar> [-Dsightline.server.jar=<jar>]}: two builds of the server side
 * by side in one run, so that a change's before and after meet the same load. For each build an embedded server
 * ({@code all}, 8 threads) and, with {@code -Dsightline.compare.redis=true}, a Redis stack (one {@code api}, one
 * {@code worker} of 8 threads), each on a metadata database of its own; the paths take turns in (1) throughput
 * (16 clients; the CPU per query is the figure to read) and (2) latency of one client, beside direct JDBC. Processes
 * are named {@code <api|worker|embedded>-<before|after>} (for {@code SIGHTLINE_BENCH_JFR}). Six server processes
 * at once need more PostgreSQL connections than a machine shared with a test suite may have free, hence the flag.
 */
final class JarComparisonBench {

    private static final int THREADS = 8;
    private static final int CLIENTS = 16;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "sightline-bench-" + runId + ":";
    private final List<ServerProcess> started = new ArrayList<>();

    static String run() throws Exception {
        String before = System.getProperty("sightline.before.jar");
        if (before == null) {
            throw new IllegalArgumentException("compare needs -Dsightline.before.jar=<exec jar>");
        }
        return new JarComparisonBench().measure(Path.of(before), ServerProcess.serverJar());
    }

    private String measure(Path beforeJar, Path afterJar) throws Exception {
        var workloads = new ProductionWorkloads("bench-" + runId);
        List<String> databases = List.of("sightline_bench_cmp_redis_before", "sightline_bench_cmp_embedded_before",
                "sightline_bench_cmp_redis_after", "sightline_bench_cmp_embedded_after");
        for (String database : databases) {
            ProductionBench.recreateDatabase(database);
        }
        try (var clients = new Concurrent(CLIENTS);
             var direct = new DirectJdbcPath(ProductionBench.POSTGRES + "postgres", THREADS)) {
            boolean redis = Boolean.getBoolean("sightline.compare.redis");
            List<ApiPath> before = stacks("before", beforeJar, redis, databases.get(0), databases.get(1));
            List<ApiPath> after = stacks("after", afterJar, redis, databases.get(2), databases.get(3));
            // after, then before, path by path (the latency table's last line is its first path minus its second)
            List<QueryPath> paths = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                paths.add(after.get(i));
                paths.add(before.get(i));
            }
            paths.add(direct);
            progress("(1) throughput, " + CLIENTS + " clients");
            String report = "Before: " + beforeJar + ", after: " + afterJar + ".\n\n"
                    + workloads.throughput(paths, clients, CLIENTS, 400, 3);
            progress("(2) latency, one client");
            return report + workloads.latency(paths, 50, 250, "after minus before (first two paths)");
        } finally {
            for (ServerProcess process : List.copyOf(started)) {
                process.close();
            }
            ProductionBench.deleteRedisKeys(prefix);
            for (String database : databases) {
                ProductionBench.dropDatabase(database);
            }
        }
    }

    /** The Redis stack and the embedded server of one build, healthy, each with the bench's data source. */
    private List<ApiPath> stacks(String build, Path jar, boolean redis, String redisDatabase, String embeddedDatabase)
            throws Exception {
        progress("starting the " + build + " build's servers");
        Map<String, String> embeddedEnv = ProductionBench.common(embeddedDatabase, THREADS);
        embeddedEnv.put("SIGHTLINE_ROLE", "all");
        ServerProcess embedded = start("embedded-" + build, embeddedEnv, jar);
        List<ApiPath> paths = new ArrayList<>();
        if (redis) {
            paths.add(redisStack(build, jar, redisDatabase));
        }
        var embeddedHttp = new BenchHttp(embedded.awaitHealthy().port(), BenchMain.KEY);
        paths.add(new ApiPath("**" + build + "**: embedded (" + THREADS + " threads)", embeddedHttp,
                ProductionBench.postgresDataSource(embeddedHttp), List.of(embedded)));
        return paths;
    }

    private ApiPath redisStack(String build, Path jar, String redisDatabase) throws Exception {
        Map<String, String> apiEnv = ProductionBench.common(redisDatabase, THREADS);
        apiEnv.put("SIGHTLINE_ROLE", "api");
        apiEnv.put("SIGHTLINE_REDIS_URL", ProductionBench.REDIS_URL);
        apiEnv.put("SIGHTLINE_REDIS_KEY_PREFIX", prefix + build + ":");
        ServerProcess api = start("api-" + build, apiEnv, jar).awaitHealthy(); // runs the migrations
        Map<String, String> workerEnv = new HashMap<>(apiEnv);
        workerEnv.put("SIGHTLINE_ROLE", "worker");
        ServerProcess worker = start("worker-" + build, workerEnv, jar).awaitHealthy();
        var redisHttp = new BenchHttp(api.port(), BenchMain.KEY);
        return new ApiPath("**" + build + "**: API + Redis + 1 worker process (" + THREADS + " threads)", redisHttp,
                ProductionBench.postgresDataSource(redisHttp), List.of(api, worker));
    }

    private ServerProcess start(String name, Map<String, String> environment, Path jar) throws Exception {
        ServerProcess process = ServerProcess.start(name, environment, jar);
        started.add(process);
        return process;
    }

    private static void progress(String step) {
        System.err.println("bench compare: " + step + " (load average " + ProductionWorkloads.loadAverage() + ")");
    }
}
