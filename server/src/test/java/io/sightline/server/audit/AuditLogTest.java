package io.sightline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit log through the HTTP API: a scripted sequence of an admin's and a user's actions gives exactly the
 * expected events, in order, with who, from where and the run's details; only admins read it; the export resumes
 * from its cursor with no gap and no duplicate; no secret (a data source password, an API key, a user's password)
 * appears in any event.
 */
class AuditLogTest extends EmbeddedServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The default export lag (sightline.audit.export-lag) and a margin. */
    private static final long LAG_MILLIS = 5_600;

    record Seen(Long userId, String action, String objectType, String objectId) {
    }

    @Test
    void aScriptedSequenceOfActionsGivesExactlyItsEventsInOrderAndNoSecret() throws Exception {
        Api admin = api();
        long adminId = admin.get("/api/session").json().path("user").path("id").asLong();
        long start = lastEventId(admin);
        String dsPassword = "ds-secret-" + UUID.randomUUID();
        String dsPassword2 = "ds-secret-two-" + UUID.randomUUID();
        String userPassword = "user password " + UUID.randomUUID();
        String h2 = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Set<String> secrets = new HashSet<>(List.of(dsPassword, dsPassword2, userPassword, ADMIN_KEY));

        var ds = admin.post("/api/data_sources", Map.of("name", "audit-" + UUID.randomUUID(), "type", "h2",
                "options", Map.of("url", h2, "user", "sa", "password", dsPassword)));
        assertThat(ds.status()).as(ds.toString()).isEqualTo(200);
        String dsId = ds.json().path("id").asString();
        assertThat(admin.post("/api/data_sources/" + dsId, Map.of("options",
                Map.of("url", h2, "user", "sa", "password", dsPassword2))).status()).isEqualTo(200);
        String groupId = admin.post("/api/groups", Map.of("name", "audit-" + UUID.randomUUID())).json().path("id").asString();
        assertThat(admin.post("/api/groups/" + groupId + "/data_sources",
                Map.of("data_source_id", Long.parseLong(dsId), "view_only", false)).status()).isEqualTo(200);
        var created = admin.post("/api/users", Map.of("name", "Audit User", "email",
                "audit-" + UUID.randomUUID() + "@example.com", "password", userPassword));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String userId = created.json().path("id").asString();
        String userKey = created.json().path("api_key").asString();
        secrets.add(userKey);
        assertThat(admin.post("/api/groups/" + groupId + "/members", Map.of("user_id", Long.parseLong(userId)))
                .status()).isEqualTo(200);
        assertThat(admin.post("/api/users/" + userId, Map.of("name", "Audit User Renamed")).status()).isEqualTo(200);
        String email = created.json().path("email").asString();
        String wrongPassword = "wrong password " + UUID.randomUUID();
        secrets.add(wrongPassword);
        assertThat(anonymous().post("/login", Map.of("email", email, "password", wrongPassword)).status()).isEqualTo(401);
        assertThat(anonymous().post("/login", Map.of("email", email, "password", userPassword)).status()).isEqualTo(200);

        Api user = admin.withKey(userKey);
        var query = user.post("/api/queries", Map.of("data_source_id", Long.parseLong(dsId), "name", "audit query",
                "query", "SELECT 1 AS n"));
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        String queryId = query.json().path("id").asString();
        secrets.add(query.json().path("api_key").asString());
        var runs = new Runs(user);
        runs.finish(Runs.asJob(user.post("/api/queries/" + queryId + "/results", Map.of("max_age", 0)).json()));
        var cached = user.post("/api/queries/" + queryId + "/results", Map.of());
        assertThat(cached.json().has("query_result")).as("answered from the cache: " + cached).isTrue();
        var regenerated = admin.post("/api/users/" + userId + "/regenerate_api_key", Map.of());
        assertThat(regenerated.status()).isEqualTo(200);
        secrets.add(regenerated.json().path("api_key").asString());
        user = admin.withKey(regenerated.json().path("api_key").asString());
        var renamed = admin.post("/api/queries/" + queryId, "{\"name\":\"audit query renamed\",\"schedule\":null}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        var dashboard = user.post("/api/dashboards", Map.of("name", "audit dashboard " + UUID.randomUUID()));
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        String dashboardId = dashboard.json().path("id").asString();
        assertThat(admin.post("/api/data_sources/" + dsId + "/pause", Map.of("reason", "audit")).status())
                .isEqualTo(200);

        Long a = adminId;
        Long u = Long.parseLong(userId);
        Set<String> mine = Set.of("data_source:" + dsId, "group:" + groupId, "user:" + userId, "query:" + queryId,
                "dashboard:" + dashboardId);
        List<JsonNode> events = eventsAfter(admin, start).stream()
                .filter(e -> mine.contains(e.path("object_type").asString() + ":" + e.path("object_id").asString()))
                .toList();
        assertThat(events.stream().map(AuditLogTest::seen).toList()).containsExactly(
                new Seen(a, "create", "data_source", dsId),
                new Seen(a, "edit", "data_source", dsId),
                new Seen(a, "create", "group", groupId),
                new Seen(a, "add_data_source", "group", groupId),
                new Seen(a, "create", "user", userId),
                new Seen(a, "add_member", "group", groupId),
                new Seen(a, "edit", "user", userId),
                new Seen(null, "login_failed", "user", userId),
                new Seen(u, "login", "user", userId),
                new Seen(u, "create", "query", queryId),
                new Seen(u, "execute_query", "data_source", dsId),
                new Seen(u, "query_run_end", "data_source", dsId),
                new Seen(u, "execute_query", "data_source", dsId),
                new Seen(a, "regenerate_api_key", "user", userId),
                new Seen(a, "edit", "query", queryId),
                new Seen(a, "change_schedule", "query", queryId),
                new Seen(u, "create", "dashboard", dashboardId),
                new Seen(a, "pause", "data_source", dsId));

        JsonNode run = events.get(10).path("additional_properties");
        assertThat(run.path("query").asString()).isEqualTo("SELECT 1 AS n");
        assertThat(run.path("query_sha256").asString()).isEqualTo(sha256("SELECT 1 AS n"));
        assertThat(run.path("query_id").asString()).isEqualTo(queryId);
        assertThat(run.path("cache_hit").asBoolean()).isFalse();
        assertThat(run.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(run.path("user_name").asString()).isEqualTo("Audit User Renamed");
        assertThat(events.get(10).path("details").path("query").asString()).as("Redash's details").isEqualTo("SELECT 1 AS n");
        JsonNode end = events.get(11).path("additional_properties");
        assertThat(end.path("job_id").asString()).isEqualTo(run.path("job_id").asString());
        assertThat(end.path("outcome").asString()).isEqualTo("finished");
        assertThat(end.path("rows").asLong()).isEqualTo(1);
        assertThat(end.path("duration_ms").isNumber()).isTrue();
        JsonNode hit = events.get(12).path("additional_properties");
        assertThat(hit.path("cache_hit").asBoolean()).isTrue();
        assertThat(hit.path("rows").asLong()).isEqualTo(1);
        assertThat(events.get(0).path("additional_properties").path("type").asString()).isEqualTo("h2");

        // filters, and 400 naming a bad one
        var filtered = admin.get("/api/events?user_id=" + userId + "&action=execute_query&object_type=data_source"
                + "&object_id=" + dsId + "&since=1h");
        assertThat(filtered.json().path("count").asInt()).isEqualTo(2);
        assertThat(filtered.json().path("page_size").asInt()).isEqualTo(25);
        assertThat(filtered.json().path("page").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/events?object_type=query&object_id=" + queryId + "&until=2000-01-01").json()
                .path("count").asInt()).isZero();
        for (String bad : List.of("since=yesterday", "until=2026-13-45", "user_id=me", "page_size=0", "page=x",
                "colour=red")) {
            var refused = admin.get("/api/events?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.message()).as(bad).contains("'" + bad.substring(0, bad.indexOf('=')) + "'");
        }

        // only admins
        assertThat(user.get("/api/events").status()).isEqualTo(403);
        assertThat(user.get("/api/events/export").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/events").status()).isEqualTo(401);

        // no secret in any event, listed or exported
        Thread.sleep(LAG_MILLIS);
        String everything = admin.get("/api/events?page_size=250").body() + export(start, "jsonl").body()
                + export(start, "csv").body();
        for (String secret : secrets) {
            assertThat(everything).as("a secret in the audit log").doesNotContain(secret);
        }
    }

    @Test
    void theExportResumesFromItsCursorWithNoGapAndNoDuplicate() throws Exception {
        Api admin = api();
        long start = lastEventId(admin);
        for (int i = 0; i < 3; i++) {
            admin.post("/api/groups", Map.of("name", "audit-export-" + UUID.randomUUID()));
        }
        Thread.sleep(LAG_MILLIS);
        var first = export(start, "jsonl");
        assertThat(first.statusCode()).isEqualTo(200);
        long cursor = Long.parseLong(first.headers().firstValue("X-Sightline-Cursor").orElseThrow());
        // new events after the first export, and one made just before the second: too young, it waits for the next
        for (int i = 0; i < 2; i++) {
            admin.post("/api/groups", Map.of("name", "audit-export-" + UUID.randomUUID()));
        }
        Thread.sleep(LAG_MILLIS);
        admin.post("/api/groups", Map.of("name", "audit-export-young-" + UUID.randomUUID()));
        var second = export(cursor, "jsonl");
        long cursor2 = Long.parseLong(second.headers().firstValue("X-Sightline-Cursor").orElseThrow());
        Thread.sleep(LAG_MILLIS);
        var third = export(cursor2, "jsonl");

        List<Long> ids = new ArrayList<>();
        for (var body : List.of(first.body(), second.body(), third.body())) {
            body.lines().filter(line -> !line.isBlank()).forEach(line -> ids.add(Api.JSON.readTree(line).path("id").asLong()));
        }
        List<Long> expected = eventsAfter(admin, start).stream().map(e -> e.path("id").asLong()).toList();
        assertThat(ids).as("every event once, in order").isEqualTo(expected);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
        assertThat(first.body().lines().count()).isGreaterThanOrEqualTo(3);
        assertThat(third.body()).as("the young event of the second call came in the third").contains("audit-export-young-");
        assertThat(second.body()).doesNotContain("audit-export-young-");

        var csv = export(start, "csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,created_at,org_id,user_id,user_name,action,object_type,object_id,"
                + "additional_properties");
        assertThat(lines).hasSize(expected.size() + 1);
        var unchanged = export(cursor2, "jsonl");
        assertThat(export(Long.parseLong(third.headers().firstValue("X-Sightline-Cursor").orElseThrow()), "jsonl")
                .body()).as("nothing new: nothing exported").isEmpty();
        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat(exportRaw("format=xml").statusCode()).isEqualTo(400);
        assertThat(exportRaw("after=-3").body()).contains("'after'");
    }

    private static Seen seen(JsonNode e) {
        return new Seen(e.path("user_id").isNull() ? null : e.path("user_id").asLong(), e.path("action").asString(),
                e.path("object_type").asString(), e.path("object_id").asString());
    }

    private static long lastEventId(Api admin) {
        var page = admin.get("/api/events?page_size=1").json().path("results");
        return page.isEmpty() ? 0 : page.get(0).path("id").asLong();
    }

    /** Events after {@code start}, oldest first (the list is newest first). */
    private static List<JsonNode> eventsAfter(Api admin, long start) {
        List<JsonNode> events = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode results = admin.get("/api/events?page_size=250&page=" + page).json().path("results");
            boolean older = false;
            for (JsonNode e : results) {
                if (e.path("id").asLong() > start) {
                    events.add(0, e);
                } else {
                    older = true;
                }
            }
            if (older || results.size() < 250) {
                return events;
            }
        }
    }

    private HttpResponse<String> export(long after, String format) throws IOException, InterruptedException {
        return exportRaw("after=" + after + "&format=" + format);
    }

    private HttpResponse<String> exportRaw(String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/export?" + query))
                .header("Authorization", "Key " + ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
