package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.RunAccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stored results are read only by users whose groups reach their data source (view-only is enough) and by admins;
 * anyone else is told exactly what they would be told for an id that does not exist.
 */
class ResultAccessTest extends EmbeddedServerTest {

    private long query;
    private long result;
    private Api viewer;
    private Api outsider;

    @BeforeEach
    void adminQueryWithAResultOnADataSourceOneGroupMayViewOnly() {
        var access = new RunAccessFixtures(api());
        long dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:results_access_" + UUID.randomUUID()
                .toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        access.ungrantFromDefaultGroup(dataSource);
        query = access.saveQuery(dataSource, "SELECT 'secret' AS \"name\", 42 AS \"value\"");
        result = access.runQuery(query);
        var viewing = access.user("Viewer");
        access.grant(viewing, dataSource, true);
        viewer = viewing.api();
        outsider = access.user("Outsider").api();
    }

    @Test
    void hidesAStoredResultFromAUserWhoCannotReachItsDataSource() {
        long missing = result + 1_000_000;
        var notThere = outsider.get("/api/query_results/" + missing);
        assertThat(notThere.status()).isEqualTo(404);
        for (String suffix : List.of("", ".json", ".csv")) {
            var hidden = outsider.get("/api/query_results/" + result + suffix);
            assertThat(hidden.status()).as(suffix + ": " + hidden).isEqualTo(404);
            assertThat(hidden.message()).isEqualTo("Query result " + result + " does not exist")
                    .isEqualTo(notThere.message().replace(Long.toString(missing), Long.toString(result)));
            assertThat(hidden.body()).doesNotContain("secret");
        }
    }

    @Test
    void showsAStoredResultToViewOnlyUsersAndAdmins() {
        for (Api reader : List.of(viewer, api())) {
            var json = reader.get("/api/query_results/" + result + ".json");
            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            assertThat(json.json().path("query_result").path("data").path("rows").get(0).path("name").asString())
                    .isEqualTo("secret");
            var csv = reader.get("/api/query_results/" + result + ".csv");
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.body()).contains("secret");
        }
    }

    @Test
    void hidesTheLatestResultAndDropdownOfAQueryOnAnUnreachableDataSource() {
        for (String path : List.of("/results", "/results.json", "/results.csv", "/dropdown")) {
            var hidden = outsider.get("/api/queries/" + query + path);
            assertThat(hidden.status()).as(path + ": " + hidden).isEqualTo(404);
            assertThat(hidden.message()).as(path).isEqualTo("Query " + query + " does not exist");
            assertThat(hidden.body()).doesNotContain("secret");
        }
    }

    @Test
    void showsTheLatestResultAndDropdownOfAQueryToAViewOnlyUser() {
        var latest = viewer.get("/api/queries/" + query + "/results.json");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().path("query_result").path("id").asLong()).isEqualTo(result);
        assertThat(viewer.get("/api/queries/" + query + "/results.csv").body()).contains("secret");
        var dropdown = viewer.get("/api/queries/" + query + "/dropdown");
        assertThat(dropdown.status()).as(dropdown.toString()).isEqualTo(200);
        assertThat(dropdown.json().get(0).path("name").asString()).isEqualTo("secret");
    }
}
