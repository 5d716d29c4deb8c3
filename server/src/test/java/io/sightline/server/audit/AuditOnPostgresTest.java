package io.sightline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import io.sightline.server.support.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit log with its table on PostgreSQL (migration V21 there): changes and runs recorded, filtered, exported. */
class AuditOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void changesAndRunsAreRecordedFilteredAndExportedOnPostgres() throws Exception {
        Api admin = api();
        String before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String password = "pg-audit-secret-" + UUID.randomUUID();
        long ds = new DataSourceFixtures(admin).postgres(Map.of("password", password));
        var runs = new Runs(admin);
        runs.finish(runs.submit(ds, "SELECT 1 AS n UNION ALL SELECT 2"));

        var page = admin.get("/api/events?object_type=data_source&object_id=" + ds + "&since=" + before.replace("+", "%2B"));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode results = page.json().path("results");
        assertThat(page.json().path("count").asInt()).isEqualTo(3);
        assertThat(results.get(2).path("action").asString()).isEqualTo("create");
        assertThat(results.get(1).path("action").asString()).isEqualTo("execute_query");
        assertThat(results.get(1).path("additional_properties").path("query").asString())
                .isEqualTo("SELECT 1 AS n UNION ALL SELECT 2");
        assertThat(results.get(0).path("action").asString()).isEqualTo("query_run_end");
        assertThat(results.get(0).path("additional_properties").path("rows").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/events?until=tomorrow").status()).isEqualTo(400);

        Thread.sleep(5_600); // the export lag
        var export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/events/export?format=jsonl&object_type=data_source&object_id=" + ds)).header("Authorization", "Key " + ADMIN_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().count()).isEqualTo(3);
        assertThat(export.body()).doesNotContain(password);
    }
}
