package io.sightline.ops.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.sightline.ops.chart.RenderedChart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A release of the chart on this machine: the migration Job, then an api, a worker and a scheduler process, each
 * started through the image's entrypoint with the environment the chart renders, against the machine's
 * PostgreSQL (a database of its own) and Redis (a DB number and key prefix of its own). Then the alert rules the
 * chart renders are checked and evaluated by promtool on the series these servers really export, and the restore
 * drill of docs/operations/backup-restore.md is run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartReleaseIT {

    private static final String PG = "postgresql://postgres@127.0.0.1:5432/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START = Duration.ofSeconds(120);

    private final String database = "sightline_ops_release_" + UUID.randomUUID().toString().substring(0, 8);
    private final String adminKey = "ops-release-" + UUID.randomUUID();
    private Path work;
    private RenderedChart chart;
    private final Map<String, ServerProcess> servers = new LinkedHashMap<>();

    @BeforeAll
    void install() throws Exception {
        work = Files.createDirectories(Path.of("target/chart-release").toAbsolutePath());
        sql("postgres", "CREATE DATABASE " + database);
        // the guide's REDASH_* values win over secrets.*: point them at this machine, as the guide's own
        // values point at the cluster's services
        chart = RenderedChart.render(List.of("ci/guide-values.yaml"), Map.of(
                "env.REDASH_DATABASE_URL", PG + database,
                "env.REDASH_REDIS_URL", "redis://127.0.0.1:6379/9",
                "secrets.adminApiKey", adminKey,
                "metrics.prometheusRule.enabled", true,
                "env.SIGHTLINE_REDIS_KEY_PREFIX", database + ":",
                "env.SIGHTLINE_SCHEDULER_TICK", "1s"));

        Container job = chart.get(Job.class, RenderedChart.RELEASE + "-sightline-migrate").getSpec().getTemplate()
                .getSpec().getContainers().get(0);
        int migrated = ServerProcess.run("migrate", ServerProcess.environment(chart, job), work, job.getArgs(),
                Duration.ofSeconds(90));
        assertThat(migrated).as("migration Job exit code; see " + work.resolve("migrate.log")).isZero();
        assertThat(Files.readString(work.resolve("migrate.log"))).contains("Successfully applied");

        for (String role : List.of("api", "worker", "scheduler")) {
            servers.put(role, ServerProcess.start(role, ServerProcess.environment(chart, container(role)), work));
        }
        for (ServerProcess server : servers.values()) {
            server.awaitReady(START);
        }
    }

    @AfterAll
    void uninstall() throws Exception {
        for (ServerProcess server : servers.values()) {
            server.close();
        }
        sql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void theReleaseAnswersWithTheKeyFromItsSecretAndRunsQueriesOnItsWorker() throws Exception {
        ServerProcess api = servers.get("api");
        assertThat(api.status("/ping")).isEqualTo(200);
        for (ServerProcess server : servers.values()) {
            assertThat(server.healthcheck(work)).as("the image's HEALTHCHECK on " + server.name()).isZero();
        }
        assertThat(servers.get("worker").status("/api/data_sources")).as("no API on a worker").isIn(404, 503);

        JsonNode source = post("/api/data_sources", Map.of("name", "ops", "type", "pg",
                "options", Map.of("host", "127.0.0.1", "port", 5432, "user", "postgres", "dbname", "postgres")));
        long sourceId = source.get("id").asLong();
        JsonNode query = post("/api/queries", Map.of("name", "ops release query", "data_source_id", sourceId,
                "query", "SELECT 42 AS answer"));
        post("/api/dashboards", Map.of("name", "ops release dashboard"));

        // a run goes through Redis to the worker process; then once more from the result cache
        for (int i = 0; i < 2; i++) {
            JsonNode run = post("/api/query_results", Map.of("data_source_id", sourceId,
                    "query", "SELECT 42 AS answer", "max_age", i == 0 ? 0 : -1));
            long resultId = run.has("query_result") ? run.get("query_result").get("id").asLong() : awaitJob(run);
            JsonNode result = get("/api/query_results/" + resultId);
            assertThat(result.toString()).contains("42");
        }
        assertThat(get("/api/queries/" + query.get("id").asLong()).get("query").asText()).isEqualTo("SELECT 42 AS answer");
    }

    @Test
    @Order(2)
    void alertRulesCheckAndFireOnTheSeriesTheServersExport() throws Exception {
        // the scheduler ticks every second here: wait for its first completed pass
        awaitUntil(() -> servers.get("scheduler").get("/actuator/prometheus")
                .contains("sightline_scheduler_ticks_total{outcome=\"ok\"} ") && !scrapeOf("scheduler")
                .contains("sightline_scheduler_ticks_total{outcome=\"ok\"} 0.0"));
        Map<String, List<Series>> scraped = new TreeMap<>();
        for (var server : servers.entrySet()) {
            for (Series series : Series.parse(scrapeOf(server.getKey()), server.getKey(), server.getValue().port())) {
                scraped.computeIfAbsent(series.name(), n -> new ArrayList<>()).add(series);
            }
        }
        List<Rule> rules = chart.get(PrometheusRule.class, RenderedChart.RELEASE + "-sightline").getSpec().getGroups()
                .get(0).getRules();
        // every metric an alert reads is one the servers export
        TreeSet<String> used = new TreeSet<>();
        for (Rule rule : rules) {
            Matcher m = Pattern.compile("\\bsightline_[a-z_]+").matcher(rule.getExpr().getStrVal());
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(scraped.keySet()).containsAll(used);

        Path rulesFile = work.resolve("sightline-rules.yml");
        YAML.writeValue(rulesFile.toFile(), Map.of("groups", chart.get(PrometheusRule.class,
                RenderedChart.RELEASE + "-sightline").getSpec().getGroups()));
        Promtool.Result check = Promtool.run(work, "check", "rules", rulesFile.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 9 rules found");

        Path tests = work.resolve("sightline-rules-test.yml");
        YAML.writeValue(tests.toFile(), AlertScenarios.tests(rulesFile.getFileName().toString(), rules, scraped));
        Promtool.Result test = Promtool.run(work, "test", "rules", tests.toString());
        assertThat(test.exitCode()).as(test.output() + "\n(test input: " + tests + ")").isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    @Order(3)
    void restoreDrillBringsBackEveryQueryAndDashboard() throws Exception {
        JsonNode queriesBefore = get("/api/queries?page_size=250").get("results");
        JsonNode dashboardsBefore = get("/api/dashboards?page_size=250").get("results");
        assertThat(queriesBefore.size()).isPositive();
        assertThat(dashboardsBefore.size()).isPositive();
        for (ServerProcess server : servers.values()) {
            server.close();
        }
        servers.clear();

        // docs/operations/backup-restore.md, "Restore drill"
        Path dump = work.resolve(database + ".dump");
        shell("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), database);
        shell("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--force", database);
        shell("createdb", "-h", "127.0.0.1", "-U", "postgres", database);
        shell("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "--no-owner", "-d", database, dump.toString());

        servers.put("api", ServerProcess.start("api-restored", ServerProcess.environment(chart, container("api")), work)
                .awaitReady(START));
        JsonNode queriesAfter = get("/api/queries?page_size=250").get("results");
        JsonNode dashboardsAfter = get("/api/dashboards?page_size=250").get("results");
        assertThat(ids(queriesAfter)).isEqualTo(ids(queriesBefore));
        assertThat(ids(dashboardsAfter)).isEqualTo(ids(dashboardsBefore));
        for (JsonNode query : queriesBefore) {
            assertThat(get("/api/queries/" + query.get("id").asLong()).get("query").asText())
                    .isEqualTo(query.get("query").asText());
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText() + ":" + n.get("name").asText()));
        return ids;
    }

    private Container container(String role) {
        return chart.get(Deployment.class, RenderedChart.RELEASE + "-sightline-" + role).getSpec().getTemplate()
                .getSpec().getContainers().get(0);
    }

    private String scrapeOf(String role) throws Exception {
        return servers.get(role).get("/actuator/prometheus");
    }

    private long awaitJob(JsonNode run) throws Exception {
        String id = run.get("job").get("id").asText();
        Instant end = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(end)) {
            JsonNode job = get("/api/jobs/" + id).get("job");
            if (job.get("status").asInt() == 3) {
                return job.get("query_result_id").asLong();
            }
            assertThat(job.get("status").asInt()).as(job.toString()).isLessThan(4);
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish; worker log:\n" + servers.get("worker").tail());
    }

    private JsonNode post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(servers.get("api").baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(servers.get("api").baseUrl() + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Key " + adminKey)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitUntil(Check check) throws Exception {
        Instant end = Instant.now().plusSeconds(30);
        while (!check.ok()) {
            assertThat(Instant.now()).as("condition not met within 30 s").isBefore(end);
            Thread.sleep(250);
        }
    }

    private void shell(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static void sql(String db, String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
             var st = connection.createStatement()) {
            st.execute(statement);
        }
    }
}
