package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.mariadb;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * No secret leaves the server: a suite of API calls that create, read, test, run, change and break data sources and
 * a destination holding known secret values (literal, by env: and file: reference, a wrong one), after which no
 * API response body and no line the server logged meanwhile (its standard output and error, where its log goes)
 * contains any of those values, plain or URL-encoded.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTest extends EmbeddedServerTest {

    private static final String SUFFIX = unique();
    private static final String USER = "sl_leak_" + SUFFIX;
    private static final String DB = "sl_leak_" + SUFFIX;
    private static final String LITERAL = "Leak-Literal-" + SUFFIX;
    private static final String FROM_ENV = System.getenv("SIGHTLINE_DS_IT_MARIADB_PASSWORD");
    private static final String IN_FILE = "Leak-File-" + SUFFIX;
    private static final String WRONG = "Leak-Wrong-" + SUFFIX;
    private static final String HOOK = "Leak-Hook-" + SUFFIX;

    private final List<Api.Response> responses = new ArrayList<>();

    @BeforeAll
    static void mariadbUsers() throws SQLException {
        assertThat(FROM_ENV).as("set by server/pom.xml: run the tests through Maven").isNotBlank();
        DataSourceFixtures.mariadb("CREATE DATABASE " + DB);
        for (String[] user : new String[][] {{USER, LITERAL}, {USER + "e", FROM_ENV}, {USER + "f", IN_FILE}}) {
            for (String host : List.of("%", "localhost")) {
                DataSourceFixtures.mariadb("CREATE USER '" + user[0] + "'@'" + host + "' IDENTIFIED BY '" + user[1] + "'",
                        "GRANT ALL ON " + DB + ".* TO '" + user[0] + "'@'" + host + "'");
            }
        }
    }

    @AfterAll
    static void dropMariadbUsers() throws SQLException {
        for (String user : List.of(USER, USER + "e", USER + "f")) {
            DataSourceFixtures.mariadb("DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
        }
        DataSourceFixtures.mariadb("DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void noResponseAndNoLogLineContainsASecret(CapturedOutput output) throws IOException {
        Path file = Files.writeString(SECRET_FILES.resolve("leak-" + SUFFIX), IN_FILE + "\n");
        long literal = create(mariadb(USER, LITERAL, DB));
        long fromEnv = create(mariadb(USER + "e", "env:SIGHTLINE_DS_IT_MARIADB_PASSWORD", DB));
        long fromFile = create(mariadb(USER + "f", "file:" + file, DB));
        Runs runs = new Runs(api());
        for (long id : List.of(literal, fromEnv, fromFile)) {
            call(api().get("/api/data_sources/" + id));
            JsonNode test = call(api().post("/api/data_sources/" + id + "/test", Map.of())).json();
            assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
            JsonNode job = runs.finish(Runs.asJob(call(api().post("/api/query_results",
                    Map.of("data_source_id", id, "query", "SELECT CURRENT_USER() AS who", "max_age", 0))).json()));
            call(api().get("/api/jobs/" + job.path("id").asString()));
            call(api().get("/api/query_results/" + job.path("query_result_id").asLong()));
            call(api().get("/api/data_sources/" + id + "/schema"));
        }
        call(api().get("/api/data_sources"));

        // the mask sent back, then a wrong password: refused by MariaDB, the message must not echo it
        Map<String, Object> masked = new LinkedHashMap<>(mariadb(USER, "--------", DB));
        call(api().post("/api/data_sources/" + literal, body("leak kept " + unique(), "mysql", masked)));
        call(api().post("/api/data_sources/" + literal, body("leak wrong " + unique(), "mysql", mariadb(USER, WRONG, DB))));
        JsonNode refused = call(api().post("/api/data_sources/" + literal + "/test", Map.of())).json();
        assertThat(refused.path("message").asString()).contains("Access denied");
        JsonNode failed = runs.finish(Runs.asJob(call(api().post("/api/query_results",
                Map.of("data_source_id", literal, "query", "SELECT 1", "max_age", 0))).json()));
        assertThat(failed.path("status").asInt()).isEqualTo(4);
        call(api().get("/api/jobs/" + failed.path("id").asString()));

        // bad input carrying secrets: every answer is a 4xx that names the problem, not the value
        call(api().post("/api/data_sources", body("leak bad " + unique(), "mysql",
                Map.of("host", "127.0.0.1", "passwd", LITERAL, "no_such_option", WRONG))));
        call(api().post("/api/data_sources", body("leak bad " + unique(), "mysql",
                Map.of("host", "127.0.0.1", "user", USER, "passwd", LITERAL, "port", "not a number"))));
        call(api().post("/api/data_sources", "{\"name\":\"leak broken\",\"type\":\"mysql\",\"options\":{\"passwd\":\""
                + LITERAL + "\""));
        call(api().post("/api/data_sources/" + fromEnv, body("leak forbidden " + unique(), "mysql",
                mariadb(USER + "e", "env:IT_OUTSIDE_PREFIX", DB))));

        // the file goes away: the reference is named, never what it held
        Files.delete(file);
        call(api().post("/api/data_sources/" + fromFile + "/test", Map.of()));
        call(api().post("/api/query_results", Map.of("data_source_id", fromFile, "query", "SELECT 2", "max_age", 0)));

        // a destination's secret
        JsonNode hook = call(api().post("/api/destinations", Map.of("name", "leak hook " + unique(), "type", "webhook",
                "options", Map.of("url", "http://127.0.0.1:9/hook", "secret", HOOK)))).json();
        call(api().get("/api/destinations/" + hook.path("id").asLong()));
        call(api().get("/api/destinations"));
        call(api().get("/api/events?page_size=250"));
        call(api().get("/api/events/export?format=jsonl"));

        List<String> secrets = new ArrayList<>(List.of(LITERAL, FROM_ENV, IN_FILE, WRONG, HOOK,
                System.getenv("IT_OUTSIDE_PREFIX")));
        secrets.addAll(secrets.stream().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)).toList());
        assertThat(responses).hasSizeGreaterThan(30);
        for (Api.Response response : responses) {
            for (String secret : secrets) {
                assertThat(response.body()).as("an API response").doesNotContain(secret);
            }
        }
        assertThat(output.getAll()).as("the server's log during the suite, with the refused run")
                .contains("Access denied for user '" + USER + "'");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the server's log during the suite").doesNotContain(secret);
        }
    }

    private Api.Response call(Api.Response response) {
        responses.add(response);
        assertThat(response.status()).as(response.toString()).isLessThan(500);
        return response;
    }

    private long create(Map<String, Object> options) {
        return call(api().post("/api/data_sources", body("leak " + unique(), "mysql", options))).json().path("id").asLong();
    }
}
