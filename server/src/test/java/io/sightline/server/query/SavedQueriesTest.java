package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.system.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The public service other features use, checked against what the API then shows. */
class SavedQueriesTest extends QueryTestBase {

    @Autowired
    SavedQueries savedQueries;

    @Test
    void createdFromCodeLikeThroughTheApi() {
        long ds = dataSource();
        long admin = userId(api());
        String name = unique("Demo: sales by month");

        long id = savedQueries.create(admin, new NewQuery(ds, name, "seeded", "SELECT month, SUM(total) FROM sales",
                "{\"parameters\": [{\"name\": \"since\", \"type\": \"date\"}]}", List.of("demo")));

        JsonNode query = api().get("/api/queries/" + id).json();
        assertThat(query.path("name").asString()).isEqualTo(name);
        assertThat(query.path("user").path("id").asLong()).isEqualTo(admin);
        assertThat(query.path("version").asLong()).isEqualTo(1);
        assertThat(query.path("tags").values()).extracting(JsonNode::asString).containsExactly("demo");
        assertThat(query.path("options").path("parameters").get(0).path("type").asString()).isEqualTo("date");
        assertThat(api().get("/api/queries/" + id + "/versions").json().size()).isEqualTo(1);

        SavedQuery saved = savedQueries.find(id).orElseThrow();
        assertThat(saved).isEqualTo(new SavedQuery(id, name, ds, "SELECT month, SUM(total) FROM sales",
                saved.optionsJson(), false, 1, query.path("api_key").asString(), null));
        assertThat(saved.optionsJson()).contains("\"since\"");
        assertThat(savedQueries.findByName(name)).contains(saved);
    }

    @Test
    void createFromCodeAcceptsNullOptionsTagsAndDescription() {
        long id = savedQueries.create(userId(api()), new NewQuery(dataSource(), unique("bare"), null, "SELECT 1",
                null, null));
        assertThat(savedQueries.find(id).orElseThrow().optionsJson()).isEqualTo("{}");
    }

    @Test
    void createFromCodeIsValidated() {
        long admin = userId(api());
        long ds = dataSource();
        assertThatThrownBy(() -> savedQueries.create(admin, new NewQuery(ds, "x", null, "SELECT 1",
                "{\"parameters\": {}}", null)))
                .isInstanceOf(ApiException.class).hasMessage("'options.parameters' must be an array");
        assertThatThrownBy(() -> savedQueries.create(admin, new NewQuery(ds, "x", null, "SELECT 1", "{oops", null)))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("'options' is not valid JSON");
        assertThatThrownBy(() -> savedQueries.create(admin, new NewQuery(987654321L, "x", null, "SELECT 1", null, null)))
                .isInstanceOf(ApiException.class).hasMessage("Data source 987654321 does not exist");
    }

    @Test
    void findIncludesArchivedQueries() {
        long id = createQuery("SELECT 1").path("id").asLong();
        api().delete("/api/queries/" + id);

        assertThat(savedQueries.find(id)).hasValueSatisfying(q -> assertThat(q.archived()).isTrue());
        assertThat(savedQueries.find(987654321L)).isEmpty();
    }

    @Test
    void findByNamePrefersTheQueryThatIsNotArchived() {
        String name = unique("twin");
        long archived = create(body("data_source_id", dataSource(), "name", name, "query", "SELECT 1"))
                .path("id").asLong();
        long live = create(body("data_source_id", dataSource(), "name", name, "query", "SELECT 2"))
                .path("id").asLong();
        api().delete("/api/queries/" + archived);

        assertThat(savedQueries.findByName(name).map(SavedQuery::id)).contains(live);
        assertThat(savedQueries.findByName(unique("nobody"))).isEmpty();
    }

    @Test
    void recordingTheLatestResultIsNotAnEdit() {
        JsonNode before = createQuery("SELECT 1");
        long id = before.path("id").asLong();

        savedQueries.recordLatestResult(id, 4242);

        JsonNode after = api().get("/api/queries/" + id).json();
        assertThat(after.path("latest_query_data_id").asLong()).isEqualTo(4242);
        assertThat(after.path("version").asLong()).isEqualTo(1);
        assertThat(after.path("updated_at").asString()).isEqualTo(before.path("updated_at").asString());
        assertThat(api().get("/api/queries/" + id + "/versions").json().size()).isEqualTo(1);
    }

    @Test
    void recordingTheLatestResultOfAnUnknownQueryIs404() {
        assertThatThrownBy(() -> savedQueries.recordLatestResult(987654321L, 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
