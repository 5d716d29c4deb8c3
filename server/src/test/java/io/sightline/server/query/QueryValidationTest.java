package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryValidationTest extends QueryTestBase {

    /** Fields that break a create body that is otherwise valid, and what the user is told. */
    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("data_source_id", "1", "'data_source_id' must be a whole number, not \"1\""),
                Arguments.of("data_source_id", 1.5, "'data_source_id' must be a whole number, not 1.5"),
                Arguments.of("data_source_id", null, "'data_source_id' must be a whole number, not null"),
                Arguments.of("query", 5, "'query' must be a string"),
                Arguments.of("query", null, "'query' must be a string"),
                Arguments.of("name", 5, "'name' must be a string"),
                Arguments.of("name", " ", "'name' must not be blank"),
                Arguments.of("name", "n".repeat(256), "'name' is 256 characters; the limit is 255"),
                Arguments.of("description", List.of(), "'description' must be a string"),
                Arguments.of("schedule", 3600, "'schedule' must be an object (interval, time, day_of_week, until, disabled) or null"),
                Arguments.of("schedule", Map.of("interval", 0), "'schedule.interval' must be at least 1 seconds, was 0"),
                Arguments.of("schedule", Map.of("interval", "hourly"),
                        "'schedule.interval' must be a whole number of seconds or null, not \"hourly\""),
                Arguments.of("schedule", Map.of("interval", 86400, "time", "9am"),
                        "'schedule.time' must be \"HH:MM\" (UTC) or null, not \"9am\""),
                Arguments.of("schedule", Map.of("interval", 86400, "time", "24:00"),
                        "'schedule.time' must be a time of day from 00:00 to 23:59, not \"24:00\""),
                Arguments.of("schedule", Map.of("interval", 3600, "time", "10:00"), "'schedule.time' applies only to"
                        + " intervals of whole days (multiples of 86400 seconds); the interval is 3600 seconds"),
                Arguments.of("schedule", Map.of("interval", 604800, "time", "10:00", "day_of_week", "Funday"),
                        "'schedule.day_of_week' must be a day name (Monday .. Sunday) or null, not \"Funday\""),
                Arguments.of("schedule", Map.of("interval", 86400, "time", "10:00", "day_of_week", "Monday"),
                        "'schedule.day_of_week' applies only to intervals of whole weeks (multiples of 604800 seconds);"
                                + " the interval is 86400 seconds"),
                Arguments.of("schedule", Map.of("interval", 604800, "day_of_week", "Monday"),
                        "'schedule.day_of_week' needs 'schedule.time' (HH:MM, UTC) as well"),
                Arguments.of("schedule", Map.of("interval", 3600, "until", "31/12/2026"),
                        "'schedule.until' must be a date \"YYYY-MM-DD\" or null, not \"31/12/2026\""),
                Arguments.of("schedule", Map.of("interval", 3600, "disabled", "yes"),
                        "'schedule.disabled' must be true or false, not \"yes\""),
                Arguments.of("options", List.of(), "'options' must be an object"),
                Arguments.of("options", Map.of("parameters", Map.of("name", "x")), "'options.parameters' must be an array"),
                Arguments.of("options", Map.of("parameters", List.of("x")), "'options.parameters[0]' must be an object"),
                Arguments.of("options", Map.of("parameters", List.of(Map.of("type", "text"))),
                        "'options.parameters[0]' needs a 'name' (a non-empty string)"),
                Arguments.of("options", Map.of("parameters", List.of(Map.of("name", "a", "type", "text"),
                        Map.of("name", "b"))), "'options.parameters[1]' ('b') needs a 'type' (a non-empty string)"),
                Arguments.of("options", Map.of("parameters", List.of(Map.of("name", "a", "type", "text"),
                        Map.of("name", "a", "type", "number"))), "'options.parameters' declares 'a' twice"),
                Arguments.of("tags", "finance", "'tags' must be an array of strings"),
                Arguments.of("tags", List.of("ok", 7), "'tags[1]' must be a non-empty string"),
                Arguments.of("tags", List.of("t".repeat(256)), "'tags[0]' is longer than 255 characters"),
                Arguments.of("is_draft", "yes", "'is_draft' must be true or false"),
                Arguments.of("data_source_id", 987654321L, "Data source 987654321 does not exist"));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void createRejectsInvalidField(String field, Object value, String message) {
        var body = body("data_source_id", dataSource(), "name", "valid", "query", "SELECT 1");
        body.put(field, value);

        var response = api().post("/api/queries", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void updateRejectsInvalidFieldAndChangesNothing(String field, Object value, String message) {
        var created = createQuery("SELECT 1");
        long id = created.path("id").asLong();
        var body = body("name", "changed", field, value);

        var response = api().post("/api/queries/" + id, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
        assertThat(api().get("/api/queries/" + id).json()).isEqualTo(created);
    }

    @Test
    void createNeedsQueryText() {
        var response = api().post("/api/queries", body("data_source_id", dataSource()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("'query' is required: the SQL text of the query");
    }

    @Test
    void createNeedsADataSource() {
        var response = api().post("/api/queries", body("query", "SELECT 1"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("'data_source_id' is required: the data source the query runs on");
    }

    @Test
    void versionMustBeANumber() {
        long id = createQuery("SELECT 1").path("id").asLong();
        var response = api().post("/api/queries/" + id, body("query", "SELECT 2", "version", "1"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("'version' must be a whole number, not \"1\"");
    }

    @Test
    void bodyMustBeAJsonObject() {
        var array = api().post("/api/queries", "[1, 2]");
        var broken = api().post("/api/queries", "{\"query\": ");

        assertThat(array.status()).isEqualTo(400);
        assertThat(array.message()).isEqualTo("The body must be a JSON object");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.message()).startsWith("Malformed request body");
    }

    @Test
    void queryTextOverAMillionCharactersIs413() {
        String text = "SELECT 1 -- " + "x".repeat(1_000_000);
        var create = api().post("/api/queries", body("data_source_id", dataSource(), "query", text));
        long id = createQuery("SELECT 1").path("id").asLong();
        var update = api().post("/api/queries/" + id, body("query", text));

        for (var response : List.of(create, update)) {
            assertThat(response.status()).as(response.status() + " " + response.message()).isEqualTo(413);
            assertThat(response.message()).startsWith("Query text is 1,000,012 characters; the limit is 1,000,000")
                    .contains("SIGHTLINE_MAX_QUERY_SIZE");
        }
    }

    @Test
    void queryTextOfExactlyAMillionCharactersIsSaved() {
        String text = "SELECT 1 -- " + "x".repeat(1_000_000 - 12);

        var created = create(body("data_source_id", dataSource(), "query", text));

        assertThat(api().get("/api/queries/" + created.path("id").asLong()).json().path("query").asString())
                .isEqualTo(text);
    }

    @Test
    void unknownFieldsAreIgnoredSoRedashClientsCanSendTheWholeQueryBack() {
        var created = createQuery("SELECT 1");
        // is_archived is not ignored: false (what a client sends back for a live query) keeps it live, true
        // archives it as in Redash (ArchiveRestoreTest)
        var body = body("name", "renamed", "id", 1, "query_hash", "x", "user", Map.of("id", 99), "is_archived", false,
                "api_key", "0".repeat(40), "visualizations", List.of());

        var updated = update(created.path("id").asLong(), body);

        assertThat(updated.path("name").asString()).isEqualTo("renamed");
        assertThat(updated.path("id").asLong()).isEqualTo(created.path("id").asLong());
        assertThat(updated.path("is_archived").asBoolean()).isFalse();
        assertThat(updated.path("api_key").asString()).isEqualTo(created.path("api_key").asString());
        assertThat(updated.path("query_hash").asString()).isEqualTo(created.path("query_hash").asString());
    }

    @Test
    void tagsAreTrimmedAndDeduplicated() {
        var created = create(body("data_source_id", dataSource(), "query", "SELECT 1",
                "tags", List.of(" sales ", "sales", "ops")));
        assertThat(created.path("tags").values()).extracting(t -> t.asString()).containsExactly("ops", "sales");
    }
}
