package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Archiving and restoring queries the way Redash's client does, and deleting a data source whose queries are archived. */
class ArchiveRestoreTest extends EmbeddedServerTest {

    private final String marker = "arch" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void isArchivedFalseRestoresAnArchivedQuery() {
        long source = dataSource();
        long id = query(source, "restored");
        assertThat(api().post("/api/queries/" + id, Map.of("schedule", Map.of("interval", 3600))).status())
                .isEqualTo(200);
        assertThat(api().delete("/api/queries/" + id).status()).isEqualTo(200);
        assertThat(listed("/api/queries/archive")).containsExactly(id);
        assertThat(listed("/api/queries")).isEmpty();

        var restored = api().post("/api/queries/" + id, Map.of("is_archived", false));

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("is_archived").asBoolean()).isFalse();
        assertThat(api().get("/api/queries/" + id).json().path("is_archived").asBoolean()).isFalse();
        assertThat(restored.json().path("schedule").isNull()).as("archiving dropped the schedule, as in Redash").isTrue();
        assertThat(listed("/api/queries")).containsExactly(id);
        assertThat(listed("/api/queries/archive")).isEmpty();
    }

    @Test
    void isArchivedTrueArchivesLikeDelete() {
        long id = query(dataSource(), "archived by update");
        var archived = api().post("/api/queries/" + id, Map.of("is_archived", true,
                "schedule", Map.of("interval", 3600)));
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().path("is_archived").asBoolean()).isTrue();
        assertThat(archived.json().path("schedule").isNull()).isTrue();
        assertThat(listed("/api/queries/archive")).containsExactly(id);
    }

    @Test
    void isArchivedMustBeABoolean() {
        long id = query(dataSource(), "typed");
        var refused = api().post("/api/queries/" + id, Map.of("is_archived", "no"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("'is_archived'");
    }

    @Test
    void aDataSourceWhoseQueriesAreAllArchivedCanBeDeletedAndTheyGoWithIt() {
        long source = dataSource();
        long first = query(source, "old one");
        long second = query(source, "old two");
        api().delete("/api/queries/" + first);
        api().delete("/api/queries/" + second);

        var deleted = api().delete("/api/data_sources/" + source);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api().get("/api/data_sources/" + source).status()).isEqualTo(404);
        assertThat(api().get("/api/queries/" + first).status()).isEqualTo(404);
        assertThat(listed("/api/queries/archive")).isEmpty();
    }

    @Test
    void liveQueriesStopTheDeleteWithWhatToDo() {
        long source = dataSource();
        long live = query(source, "live one");
        query(source, "live two");
        long old = query(source, "old");
        api().delete("/api/queries/" + old);

        var refused = api().delete("/api/data_sources/" + source);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("still has 2 saved queries that are not archived")
                .contains("DELETE /api/queries/{id}").contains("data_source_id");
        assertThat(api().get("/api/data_sources/" + source).status()).isEqualTo(200);
        assertThat(api().get("/api/queries/" + old).status()).as("nothing was deleted").isEqualTo(200);

        for (long id : listed("/api/queries")) {
            api().delete("/api/queries/" + id);
        }
        assertThat(api().delete("/api/data_sources/" + source).status()).isEqualTo(204);
        assertThat(api().get("/api/queries/" + live).status()).isEqualTo(404);
    }

    private long dataSource() {
        return new DataSourceFixtures(api()).h2("jdbc:h2:mem:" + marker + UUID.randomUUID().toString().substring(0, 4)
                + ";DB_CLOSE_DELAY=-1", Map.of());
    }

    private long query(long source, String name) {
        Api.Response created = api().post("/api/queries", Map.of("data_source_id", source, "name", marker + " " + name,
                "query", "SELECT 1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    /** The ids of this test's queries in a paged list. */
    private List<Long> listed(String path) {
        JsonNode page = api().get(path + "?page_size=250&q=" + marker).json();
        return page.path("results").values().stream().map(q -> q.path("id").asLong()).toList();
    }
}
