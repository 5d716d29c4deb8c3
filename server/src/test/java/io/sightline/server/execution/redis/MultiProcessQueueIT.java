package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.ConcurrentRuns;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.OwnRedisKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * The production stack as separate JVMs: one {@code api} and two {@code worker} processes of the packaged exec
 * jar, on the machine's PostgreSQL (metadata in a database of its own) and Redis (keys under a prefix of their
 * own). Runs as a Failsafe integration test, after {@code package} has built the jar ({@code mvn verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessQueueIT {

    /** Unique per run: helpers and CI may run this test at the same time on one PostgreSQL. */
    private static final String DATABASE = "sightline_it_mp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String PREFIX = OwnRedisKeys.newPrefix("sightline-mp-it-");
    private static final String ADMIN_KEY = "it-mp-admin-key-0123456789";
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Server> servers = new ArrayList<>();
    private final Path logs = Path.of(System.getProperty("sightline.server.jar.dir", "target"), "it-logs");
    private Server api;
    private Server worker1;
    private Server worker2;
    private Server worker3;

    @BeforeAll
    void startStack() throws Exception {
        recreateDatabase();
        Files.createDirectories(logs);
        api = start("api");
        api.awaitHealthy(); // first alone: it runs the migrations and creates the admin
        worker1 = start("worker");
        worker2 = start("worker");
        worker3 = start("worker");
        worker1.awaitHealthy();
        worker2.awaitHealthy();
        worker3.awaitHealthy();
    }

    @AfterAll
    void stopStack() throws Exception {
        for (Server server : servers) {
            server.process.destroyForcibly();
            server.process.waitFor();
        }
        OwnRedisKeys.delete(PREFIX);
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    @Order(1)
    void workerServesHealthButNoApi() throws Exception {
        assertThat(worker2.get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> api = worker2.get("/api/queries");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("worker process");
    }

    @Test
    @Order(1)
    void everyRoleServesPrometheusMetrics() throws Exception {
        for (Server server : List.of(api, worker2)) {
            HttpResponse<String> metrics = server.get("/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("sightline_queue_depth{queue=\"adhoc\"}", "sightline_jobs_total{outcome=\"finished\"}");
        }
        assertThat(worker2.get("/actuator/prometheus").body()).contains("sightline_worker_threads{queue=\"adhoc\",state=\"idle\"} 4");
    }

    @Test
    @Order(2)
    void everyJobEndsOnceWhenAWorkerIsKilledMidRun() throws Exception {
        Api client = new Api(api.port, ADMIN_KEY);
        long dataSource = new DataSourceFixtures(client).postgres(Map.of());
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Map<String, Integer> expected = new LinkedHashMap<>(); // job id -> the number its result must hold
        Set<String> sqls = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String sql = i % 2 == 0
                    ? "SELECT " + i + " AS n, '" + tag + "' AS tag"
                    : "SELECT " + i + " AS n, '" + tag + "' AS tag, pg_sleep(1.5) AS slept";
            sqls.add(sql);
            Api.Response answer = client.post("/api/query_results",
                    Map.of("data_source_id", dataSource, "query", sql, "max_age", 0));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            expected.put(answer.json().path("job").path("id").asString(), i);
        }
        assertThat(expected).as("50 distinct queries, 50 jobs").hasSize(50);

        // SIGKILL worker 1 while it holds jobs it has not finished
        String killed = "-" + worker1.process.pid() + "-";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Long> held = Map.of();
        while (System.nanoTime() < deadline) {
            held = pendingPerConsumer();
            if (held.entrySet().stream().anyMatch(e -> e.getKey().contains(killed) && e.getValue() > 0)) {
                break;
            }
            Thread.sleep(50);
        }
        worker1.process.destroyForcibly(); // SIGKILL on Unix
        worker1.process.waitFor();
        long heldByKilled = held.entrySet().stream().filter(e -> e.getKey().contains(killed))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(heldByKilled).as("worker 1 held jobs when it was killed: " + held).isPositive();

        Map<String, JsonNode> ended = new HashMap<>();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ended.size() < expected.size() && System.nanoTime() < deadline) {
            for (String id : expected.keySet()) {
                if (!ended.containsKey(id)) {
                    JsonNode job = client.get("/api/jobs/" + id).json().path("job");
                    if (job.path("status").asInt() >= 3) {
                        ended.put(id, job);
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(ended).as("every job ended; still open: " + open(expected, ended)).hasSize(50);

        Set<Long> resultIds = new HashSet<>();
        for (var job : ended.entrySet()) {
            JsonNode state = job.getValue();
            assertThat(state.path("status").asInt()).as("job " + state).isEqualTo(3);
            long resultId = state.path("query_result_id").asLong();
            resultIds.add(resultId);
            JsonNode row = client.get("/api/query_results/" + resultId).json()
                    .path("query_result").path("data").path("rows").get(0);
            assertThat(row.path("n").asInt()).isEqualTo(expected.get(job.getKey()));
            assertThat(row.path("tag").asString()).isEqualTo(tag);
        }
        assertThat(resultIds).as("one result per job").hasSize(50);
        assertThat(completeResultsPerQuery(tag)).as("no query's result stored twice")
                .hasSize(50).allSatisfy((sql, count) -> assertThat(count).as(sql).isEqualTo(1));
        assertThat(Files.readString(worker2.log) + Files.readString(worker3.log)).contains("takes over job");
    }

    /** Two worker processes (8 threads) share a data source limited to 2 queries at once. */
    @Test
    @Order(3)
    void dataSourceLimitHoldsAcrossWorkerProcesses() throws Exception {
        Api client = new Api(api.port, ADMIN_KEY);
        long limited = new DataSourceFixtures(client).postgres(Map.of("concurrency_limit", 2));
        String marker = "mp_limit_" + UUID.randomUUID().toString().replace("-", "");

        ConcurrentRuns.Observed observed = new ConcurrentRuns(client).run(limited, marker, 6, 1);

        assertThat(observed.ended()).hasSize(6).allSatisfy(job -> assertThat(job.path("status").asInt()).isEqualTo(3));
        assertThat(observed.mostAtOnce()).as("running at once in PostgreSQL").isEqualTo(2);
        assertThat(observed.someWaitedQueued()).as("the others waited as queued jobs").isTrue();
    }

    /**
     * SIGTERM: the worker stops taking jobs, finishes what ends within the grace period, and what does not is
     * taken over by another worker after the visibility timeout.
     */
    @Test
    @Order(4)
    void sigtermFinishesShortJobsAndHandsBackLongOnes() throws Exception {
        Api client = new Api(api.port, ADMIN_KEY);
        long dataSource = new DataSourceFixtures(client).postgres(Map.of());
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String longJob = submit(client, dataSource, "SELECT 'long' AS kind, '" + tag + "' AS tag, pg_sleep(8) AS slept");
        String longWorker = awaitWorker(client, longJob);
        Server stopping = longWorker.contains("-" + worker2.process.pid() + "-") ? worker2 : worker3;
        Server staying = stopping == worker2 ? worker3 : worker2;

        String shortJob = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; shortJob == null && System.nanoTime() < deadline; i++) {
            String id = submit(client, dataSource, "SELECT " + i + " AS n, '" + tag + "' AS tag, pg_sleep(1.5) AS slept");
            if (awaitWorker(client, id).equals(longWorker)) {
                shortJob = id;
            }
        }
        assertThat(shortJob).as("a short job ran on the worker of the long one").isNotNull();

        stopping.process.destroy(); // SIGTERM
        assertThat(stopping.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("worker exited").isTrue();

        JsonNode shortEnded = awaitEnd(client, shortJob);
        assertThat(shortEnded.path("status").asInt()).as(shortEnded.toString()).isEqualTo(3);
        assertThat(workerOf(shortJob)).isEqualTo(longWorker);
        JsonNode longEnded = awaitEnd(client, longJob);
        assertThat(longEnded.path("status").asInt()).as(longEnded.toString()).isEqualTo(3);
        assertThat(workerOf(longJob)).as("taken over").contains("-" + staying.process.pid() + "-");
        assertThat(Files.readString(stopping.log)).contains("stops with 1 jobs unfinished");
    }

    /** Readiness fails without the metadata store; liveness does not (a restart would not bring it back). */
    @Test
    @Order(5)
    void apiIsNotReadyWithoutItsMetadataStore() throws Exception {
        assertThat(api.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
        // readiness follows the metadata store's background check: DOWN within about 1.5 s (decision 0025)
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = api.get("/actuator/health/readiness", Duration.ofSeconds(40)).statusCode();
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static String submit(Api client, long dataSource, String sql) {
        Api.Response answer = client.post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", 0));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("job").path("id").asString();
    }

    private static JsonNode awaitEnd(Api client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode job = client.get("/api/jobs/" + id).json().path("job");
        while (job.path("status").asInt() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = client.get("/api/jobs/" + id).json().path("job");
        }
        return job;
    }

    /** The worker a job was given to, once it was started. */
    private static String awaitWorker(Api client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String worker = workerOf(id);
            if (worker != null && client.get("/api/jobs/" + id).json().path("job").path("status").asInt() == 2) {
                return worker;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Job " + id + " was not started within 20 s");
    }

    private static String workerOf(String jobId) {
        try (Jedis jedis = OwnRedisKeys.connect()) {
            return jedis.hget(PREFIX + "job:" + jobId, "worker");
        }
    }

    private static List<String> open(Map<String, Integer> expected, Map<String, JsonNode> ended) {
        return expected.keySet().stream().filter(id -> !ended.containsKey(id)).toList();
    }

    private static Map<String, Long> pendingPerConsumer() {
        try (Jedis jedis = OwnRedisKeys.connect()) {
            var summary = jedis.xpending(PREFIX + "queue:adhoc", RedisJobQueue.GROUP);
            return summary.getConsumerMessageCount() == null ? Map.of() : summary.getConsumerMessageCount();
        }
    }

    private static Map<String, Integer> completeResultsPerQuery(String tag) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             var statement = connection.prepareStatement(
                     "SELECT query_text, count(*) FROM query_results WHERE complete AND query_text LIKE ? GROUP BY query_text")) {
            statement.setString(1, "%" + tag + "%");
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private Server start(String role) throws IOException {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("sightline-mp-" + role + "-");
        Path log = logs.resolve(role + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", serverJar().toString());
        Map<String, String> env = builder.environment();
        env.put("SIGHTLINE_ROLE", role);
        env.put("SIGHTLINE_PORT", Integer.toString(port));
        env.put("SIGHTLINE_DATA_DIR", dataDir.toString());
        env.put("SIGHTLINE_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + DATABASE);
        env.put("SIGHTLINE_REDIS_URL", OwnRedisKeys.REDIS_URL);
        env.put("SIGHTLINE_REDIS_KEY_PREFIX", PREFIX);
        env.put("SIGHTLINE_REDIS_VISIBILITY_TIMEOUT", VISIBILITY_TIMEOUT.toSeconds() + "s");
        env.put("SIGHTLINE_SECRET_KEY", "multi-process-it-secret"); // all processes decrypt the same credentials
        env.put("SIGHTLINE_ADMIN_API_KEY", ADMIN_KEY);
        env.put("SIGHTLINE_ANSWER_WITHIN", "0s");
        env.put("SIGHTLINE_WORKER_THREADS", "4");
        // one admin floods the queue on purpose here: the per-user cap of unfinished jobs would turn most away
        env.put("SIGHTLINE_MAX_JOBS_PER_USER", "1000");
        env.put("SIGHTLINE_DEMO_DATA", "never");
        env.put("SIGHTLINE_WORKER_SHUTDOWN_GRACE", "3s");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Server server = new Server(builder.start(), port, log);
        servers.add(server);
        return server;
    }

    /** The exec jar that {@code package} built, next to the test classes' target directory. */
    private static Path serverJar() throws IOException {
        Path target = Path.of(System.getProperty("sightline.server.jar.dir", "target"));
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("sightline-server-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No sightline-server-*-exec.jar in " + target.toAbsolutePath()
                            + ": run this test with `mvn verify` (it runs after `package`)"));
        }
    }

    private static void recreateDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Server(Process process, int port, Path log) {

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(path, Duration.ofSeconds(10));
        }

        HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        void awaitHealthy() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The server on port " + port + " exited with " + process.exitValue()
                            + "; log " + log + ":\n" + tail());
                }
                try {
                    if (get("/actuator/health").statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The server on port " + port + " did not become healthy; log " + log + ":\n" + tail());
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
