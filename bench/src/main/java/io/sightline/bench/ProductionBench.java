package io.sightline.bench;

import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * {@code ./sightline bench production}: the production stack as separate JVMs of the packaged jar (one {@code api},
 * two {@code worker}s, on PostgreSQL metadata and the machine's Redis), an embedded server ({@code all}, in-process
 * queue, same PostgreSQL metadata store, no Redis) and direct JDBC, measured side by side in one run. Each stack has a
 * metadata database of its own, created and dropped here, and the Redis keys live under a prefix of this run's own.
 */
final class ProductionBench {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    static final String REDIS_URL = "redis://127.0.0.1:6379/0";
    private static final String REDIS_STACK_DATABASE = "sightline_bench_redis";
    private static final String EMBEDDED_DATABASE = "sightline_bench_embedded";
    private static final int WORKERS = 2;
    private static final int THREADS_PER_WORKER = 4;
    private static final int CLIENTS = 16;
    /** There and back: a drift in the machine's load falls on every size alike. */
    private static final List<Integer> SCALING_THREADS = List.of(1, 2, 4, 4, 2, 1);
    private static final int SCALING_CLIENTS = 12; // three per thread at most: the queue never runs dry
    private static final Duration SCALING_JOB_POLL = Duration.ofMillis(250);

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "sightline-bench-" + runId + ":";
    private final List<ServerProcess> started = new ArrayList<>();

    static String run() throws Exception {
        return new ProductionBench().measure();
    }

    private String measure() throws Exception {
        var workloads = new ProductionWorkloads("bench-" + runId);
        StringBuilder report = new StringBuilder();
        recreateDatabase(REDIS_STACK_DATABASE);
        recreateDatabase(EMBEDDED_DATABASE);
        try (var clients = new Concurrent(CLIENTS);
             var direct = new DirectJdbcPath(POSTGRES + "postgres", WORKERS * THREADS_PER_WORKER)) {
            progress("starting the Redis stack (api, " + WORKERS + " workers) and the embedded server");
            ServerProcess api = start("api", redisStack("api", THREADS_PER_WORKER)).awaitHealthy(); // runs the migrations
            List<ServerProcess> workers = new ArrayList<>();
            for (int w = 1; w <= WORKERS; w++) {
                workers.add(start("worker-" + w, redisStack("worker", THREADS_PER_WORKER)));
            }
            ServerProcess embedded = start("embedded", embedded(WORKERS * THREADS_PER_WORKER));
            for (ServerProcess process : workers) {
                process.awaitHealthy();
            }
            embedded.awaitHealthy();

            var redisHttp = new BenchHttp(api.port(), BenchMain.KEY);
            var embeddedHttp = new BenchHttp(embedded.port(), BenchMain.KEY);
            ApiPath redis = new ApiPath("API + Redis + " + WORKERS + " worker processes (" + THREADS_PER_WORKER
                    + " threads each)", redisHttp, postgresDataSource(redisHttp),
                    concat(api, workers));
            QueryPath inProcess = new ApiPath("embedded: one process, in-process queue (" + WORKERS * THREADS_PER_WORKER
                    + " threads)", embeddedHttp, postgresDataSource(embeddedHttp), List.of(embedded));
            List<QueryPath> paths = List.of(redis, inProcess, direct);
            progress("(1) throughput, " + CLIENTS + " clients");
            report.append(workloads.throughput(paths, clients, CLIENTS, 400, 3));
            progress("(2) latency, one client");
            report.append(workloads.latency(paths, 50, 250));

            stop(embedded);
            for (ServerProcess worker : workers) {
                stop(worker);
            }
            report.append(scaling(workloads, redis, api));
            if (BenchHttp.resent() > 0) {
                report.append("HTTP requests sent again after the server closed a kept-alive connection before answering: ")
                        .append(BenchHttp.resent()).append(".\n\n");
            }
        } finally {
            for (ServerProcess process : List.copyOf(started)) {
                stop(process);
            }
            deleteRedisKeys(prefix);
            dropDatabase(REDIS_STACK_DATABASE);
            dropDatabase(EMBEDDED_DATABASE);
        }
        return report.toString();
    }

    /**
     * One worker process at a time, with each number of threads of {@link #SCALING_THREADS}, behind the same API. The
     * clients look at a job that outlasts the answer window every {@link #SCALING_JOB_POLL}: looking without a pause,
     * the clients whose jobs wait kept both cores busy with {@code GET /api/jobs} (about 600 a second), and the
     * worker measured waited for a core at every step of every job (issue 10).
     */
    private String scaling(ProductionWorkloads workloads, ApiPath stack, ServerProcess api) throws Exception {
        var redis = new ApiPath(stack.name(), stack.http().pausingBetweenJobLooks(SCALING_JOB_POLL), stack.dataSource(),
                stack.processes());
        var scaling = new WorkerScaling(workloads);
        List<WorkerScaling.ScalingStep> steps = new ArrayList<>();
        try (var clients = new Concurrent(SCALING_CLIENTS)) {
            for (int step = 0; step < SCALING_THREADS.size(); step++) {
                int threads = SCALING_THREADS.get(step);
                progress("(3) scaling: a worker with " + threads + " threads");
                ServerProcess worker = start("scaling-" + (step + 1) + "-worker-" + threads + "-threads",
                        redisStack("worker", threads)).awaitHealthy();
                steps.add(scaling.sleepingRun(redis, clients, threads, 30, api, worker));
                stop(worker);
            }
        }
        return scaling.table(steps, ProductionWorkloads.loadAverage(), SCALING_JOB_POLL.toMillis());
    }

    private static List<ServerProcess> concat(ServerProcess first, List<ServerProcess> rest) {
        List<ServerProcess> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void progress(String step) {
        System.err.println("bench production: " + step + " (load average " + ProductionWorkloads.loadAverage() + ")");
    }

    private ServerProcess start(String name, Map<String, String> environment) throws Exception {
        ServerProcess process = ServerProcess.start(name, environment);
        started.add(process);
        return process;
    }

    private void stop(ServerProcess process) throws InterruptedException {
        if (started.remove(process)) {
            process.close();
        }
    }

    private Map<String, String> redisStack(String role, int workerThreads) {
        Map<String, String> env = common(REDIS_STACK_DATABASE, workerThreads);
        env.put("SIGHTLINE_ROLE", role);
        env.put("SIGHTLINE_REDIS_URL", REDIS_URL);
        env.put("SIGHTLINE_REDIS_KEY_PREFIX", prefix);
        return env;
    }

    private Map<String, String> embedded(int workerThreads) {
        Map<String, String> env = common(EMBEDDED_DATABASE, workerThreads);
        env.put("SIGHTLINE_ROLE", "all");
        return env;
    }

    static Map<String, String> common(String database, int workerThreads) {
        Map<String, String> env = new HashMap<>();
        env.put("SIGHTLINE_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
        env.put("SIGHTLINE_SECRET_KEY", "bench-secret-key"); // every process of a stack decrypts the same credentials
        env.put("SIGHTLINE_ADMIN_API_KEY", BenchMain.KEY);
        env.put("SIGHTLINE_WORKER_THREADS", Integer.toString(workerThreads));
        // one admin key drives every client and queues many sleeping jobs at once: no per-user cap here
        env.put("SIGHTLINE_MAX_JOBS_PER_USER", "100000");
        env.put("SIGHTLINE_DEMO_DATA", "never");
        env.put("LOGGING_LEVEL_ROOT", "warn"); // as the core bench: no per-request log lines in the figures
        return env;
    }

    /**
     * The machine's PostgreSQL as a data source; its pool (per process) holds more connections than a process has
     * worker threads, so that no query waits for a connection.
     */
    static long postgresDataSource(BenchHttp http) {
        return http.post("/api/data_sources", Map.of("name", "Bench PostgreSQL", "type", "pg", "options",
                        Map.of("host", "127.0.0.1", "port", 5432, "user", "postgres", "dbname", "postgres",
                                "max_connections", WORKERS * THREADS_PER_WORKER)))
                .path("id").asLong();
    }

    static void recreateDatabase(String name) throws SQLException {
        dropDatabase(name);
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    static void dropDatabase(String name) throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** This run's keys only: the machine's Redis is shared, so never a FLUSHDB. */
    static void deleteRedisKeys(String prefix) {
        try (Jedis jedis = new Jedis(URI.create(REDIS_URL))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}
