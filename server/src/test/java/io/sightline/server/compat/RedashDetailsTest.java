package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The smaller Redash details a client notices: dynamic dates, enum options as lines, query dropdowns from the
 * latest result, {@code active_at}, and no {@code api_key} in an embedded user.
 */
class RedashDetailsTest extends EmbeddedServerTest {

    private final String marker = "details" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDynamicRangeIsStoredAsGivenAndRunsAsRedashsClientResolvesIt() {
        long source = dataSource();
        long id = created(Map.of("data_source_id", source, "name", marker,
                "query", "SELECT '{{ p.start }}' AS s, '{{ p.end }}' AS e",
                "options", Map.of("parameters", List.of(Map.of("name", "p", "title", "p", "type", "date-range",
                        "value", "d_last_7_days")))));

        JsonNode saved = api().get("/api/queries/" + id).json().path("options").path("parameters").get(0);
        assertThat(saved.path("value").asString()).isEqualTo("d_last_7_days");

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        JsonNode result = new Runs(api()).resultOf(api().post("/api/queries/" + id + "/results",
                Map.of("parameters", Map.of("p", "d_last_7_days"), "max_age", 0)));
        JsonNode row = result.path("data").path("rows").get(0);
        assertThat(row.path("S").asString(row.path("s").asString())).isEqualTo(today.minusDays(7).toString());
        assertThat(row.path("E").asString(row.path("e").asString())).isEqualTo(today.toString());
        assertThat(api().get("/api/queries/" + id).json().path("options").path("parameters").get(0)
                .path("value").asString()).as("a run leaves the stored value alone").isEqualTo("d_last_7_days");
    }

    @Test
    void enumOptionsSentAsAnArrayAreStoredAndReturnedOneALine() {
        long source = dataSource();
        var create = api().post("/api/queries", Map.of("data_source_id", source, "name", marker,
                "query", "SELECT '{{ e }}'", "options", Map.of("parameters", List.of(Map.of("name", "e", "title", "e",
                        "type", "enum", "value", "b", "enumOptions", List.of("a", "b", "c"))))));
        assertThat(create.status()).as(create.toString()).isEqualTo(200);
        long id = create.json().path("id").asLong();
        assertThat(enumOptions(create.json())).isEqualTo("a\nb\nc");
        assertThat(enumOptions(api().get("/api/queries/" + id).json())).isEqualTo("a\nb\nc");

        var update = api().post("/api/queries/" + id, Map.of("options", Map.of("parameters", List.of(Map.of(
                "name", "e", "title", "e", "type", "enum", "value", 2, "enumOptions", List.of(1, 2, 3))))));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        assertThat(enumOptions(api().get("/api/queries/" + id).json())).isEqualTo("1\n2\n3");

        var text = api().post("/api/queries/" + id, Map.of("options", Map.of("parameters", List.of(Map.of(
                "name", "e", "title", "e", "type", "enum", "value", "x", "enumOptions", "x\ny")))));
        assertThat(enumOptions(text.json())).as("text is kept as sent").isEqualTo("x\ny");

        var nested = api().post("/api/queries/" + id, Map.of("options", Map.of("parameters", List.of(Map.of(
                "name", "e", "title", "e", "type", "enum", "enumOptions", List.of(Map.of("a", 1)))))));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.message()).contains("'options.parameters[0].enumOptions'");
    }

    @Test
    void aQueryDropdownAnswersFromTheSourceQuerysLatestResult() {
        long source = dataSource();
        long options = created(Map.of("data_source_id", source, "name", marker + " options",
                "query", "SELECT 'first' AS \"value\""));
        new Runs(api()).resultOf(api().post("/api/queries/" + options + "/results", Map.of("max_age", 0)));
        // the text changes but the query is not run again: its latest result is still the one to offer
        assertThat(api().post("/api/queries/" + options, Map.of("query", "SELECT 'second' AS \"value\"")).status())
                .isEqualTo(200);

        var dropdown = api().get("/api/queries/" + options + "/dropdown");

        assertThat(dropdown.status()).as(dropdown.toString()).isEqualTo(200);
        assertThat(dropdown.json().values()).extracting(o -> o.path("value").asString()).containsExactly("first");

        new Runs(api()).resultOf(api().post("/api/queries/" + options + "/results", Map.of("max_age", 0)));
        assertThat(api().get("/api/queries/" + options + "/dropdown").json().values())
                .extracting(o -> o.path("value").asString()).containsExactly("second");

        // what Redash's web client asks for a saved query's dropdown
        long parent = created(Map.of("data_source_id", source, "name", marker + " parent",
                "query", "SELECT '{{ pick }}'", "options", Map.of("parameters", List.of(Map.of("name", "pick",
                        "title", "pick", "type", "query", "queryId", options)))));
        var ofParent = api().get("/api/queries/" + parent + "/dropdowns/" + options);
        assertThat(ofParent.status()).as(ofParent.toString()).isEqualTo(200);
        assertThat(ofParent.json().values()).extracting(o -> o.path("value").asString()).containsExactly("second");
        assertThat(api().get("/api/queries/" + parent + "/dropdowns/987654321").status()).isEqualTo(404);
    }

    @Test
    void activeAtIsKeptWhenAUserCallsTheApi() {
        JsonNode user = newUser();
        long id = user.path("id").asLong();
        assertThat(adminView(id).path("active_at").isNull()).isTrue();
        Api asUser = api().withKey(user.path("api_key").asString());
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        assertThat(asUser.get("/api/queries").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !adminView(id).path("active_at").isNull());
        OffsetDateTime activeAt = OffsetDateTime.parse(adminView(id).path("active_at").asString());
        assertThat(activeAt).isAfterOrEqualTo(before).isBeforeOrEqualTo(OffsetDateTime.now().plusSeconds(1));
        assertThat(adminView(id).path("updated_at").asString()).as("being active is not an edit")
                .isEqualTo(user.path("updated_at").asString());

        String first = adminView(id).path("active_at").asString();
        asUser.get("/api/queries"); // within the minute: not written again
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> adminView(id).path("active_at").asString().equals(first));
    }

    @Test
    void anEmbeddedUserNeverCarriesAnApiKey() {
        JsonNode user = newUser();
        Api asUser = api().withKey(user.path("api_key").asString());
        long source = dataSource();
        JsonNode query = asUser.post("/api/queries", Map.of("data_source_id", source, "name", marker,
                "query", "SELECT 1")).json();
        assertThat(query.path("user").path("id").asLong()).isEqualTo(user.path("id").asLong());
        JsonNode dashboard = asUser.post("/api/dashboards", Map.of("name", marker)).json();

        for (Api as : List.of(api(), asUser)) {
            JsonNode one = as.get("/api/queries/" + query.path("id").asLong()).json();
            assertThat(one.path("user").has("api_key")).isFalse();
            assertThat(one.path("last_modified_by").has("api_key")).isFalse();
            assertThat(as.get("/api/queries?q=" + marker).json().path("results").get(0).path("user").has("api_key"))
                    .isFalse();
            assertThat(as.get("/api/queries/recent").json().values()).allMatch(q -> !q.path("user").has("api_key"));
            assertThat(as.get("/api/dashboards/" + dashboard.path("id").asLong()).json().path("user").has("api_key"))
                    .isFalse();
        }
        assertThat(api().get("/api/groups").json().values()).allSatisfy(group -> assertThat(
                api().get("/api/groups/" + group.path("id").asLong() + "/members").json().values())
                .noneMatch(member -> member.has("api_key")));
    }

    private static String enumOptions(JsonNode query) {
        return query.path("options").path("parameters").get(0).path("enumOptions").asString();
    }

    private JsonNode newUser() {
        var created = api().post("/api/users", Map.of("name", "Dee " + marker, "email", marker + "@example.com",
                "password", "a long enough password"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    private JsonNode adminView(long userId) {
        return api().get("/api/users/" + userId).json();
    }

    private long dataSource() {
        long id = new DataSourceFixtures(api()).h2("jdbc:h2:mem:" + marker + ";DB_CLOSE_DELAY=-1", Map.of());
        long defaultGroup = api().get("/api/groups").json().valueStream()
                .filter(g -> g.path("name").asString().equals("default")).findFirst().orElseThrow().path("id").asLong();
        api().post("/api/groups/" + defaultGroup + "/data_sources", Map.of("data_source_id", id));
        return id;
    }

    private long created(Map<String, Object> body) {
        var created = api().post("/api/queries", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
