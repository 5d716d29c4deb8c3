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
 * A query's own API key (Redash's embed case) reads that query's results, by {@code ?api_key=} or the
 * {@code Authorization: Key} header, and nothing else; only who may edit the query sees its key.
 */
class QueryKeyAccessTest extends EmbeddedServerTest {

    private RunAccessFixtures access;
    private long dataSource;
    private long query;
    private long result;
    private String key;

    @BeforeEach
    void adminQueryWithAResult() {
        access = new RunAccessFixtures(api());
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:results_keys_" + UUID.randomUUID()
                .toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        query = access.saveQuery(dataSource, "SELECT 'embedded' AS \"word\"");
        result = access.runQuery(query);
        key = api().get("/api/queries/" + query).json().path("api_key").asString();
        assertThat(key).isNotBlank();
    }

    @Test
    void acceptsAQueryKeyForThatQuerysResults() {
        for (String path : List.of("/api/queries/" + query + "/results", "/api/queries/" + query + "/results.json",
                "/api/queries/" + query + "/results.csv", "/api/query_results/" + result,
                "/api/query_results/" + result + ".csv", "/api/queries/" + query + "/results/" + result + ".json",
                "/api/queries/" + query + "/results/" + result + ".csv")) {
            var byParameter = anonymous().get(path + "?api_key=" + key);
            assertThat(byParameter.status()).as(path + ": " + byParameter).isEqualTo(200);
            assertThat(byParameter.body()).contains("embedded");
            var byHeader = api().withKey(key).get(path);
            assertThat(byHeader.status()).as(path + ": " + byHeader).isEqualTo(200);
        }
    }

    @Test
    void refusesAQueryKeyForAnythingButItsQuerysResults() {
        long other = access.saveQuery(dataSource, "SELECT 'other' AS \"word\"");
        long otherResult = access.runQuery(other);
        Api withKey = api().withKey(key);

        var otherQuery = withKey.get("/api/queries/" + other + "/results.json");
        assertThat(otherQuery.status()).as(otherQuery.toString()).isEqualTo(403);
        assertThat(otherQuery.message()).contains("belongs to query " + query);
        var otherResultRead = withKey.get("/api/query_results/" + otherResult);
        assertThat(otherResultRead.status()).as(otherResultRead.toString()).isEqualTo(404);
        assertThat(otherResultRead.body()).doesNotContain("other");
        var otherResultUnderOwnQuery = withKey.get("/api/queries/" + query + "/results/" + otherResult + ".json");
        assertThat(otherResultUnderOwnQuery.status()).as(otherResultUnderOwnQuery.toString()).isEqualTo(404);
        var otherQueryResult = withKey.get("/api/queries/" + other + "/results/" + otherResult + ".json");
        assertThat(otherQueryResult.status()).as(otherQueryResult.toString()).isEqualTo(403);
        assertThat(withKey.get("/api/queries/" + query + "/jobs/some-job").status()).isEqualTo(403);

        for (String path : List.of("/api/queries/" + query, "/api/queries/" + query + "/dropdown", "/api/session",
                "/api/data_sources", "/api/queries", "/api/users")) {
            var refused = withKey.get(path);
            assertThat(refused.status()).as(path + ": " + refused).isEqualTo(403);
            assertThat(refused.message()).contains("only the results of its own query");
        }
        var run = withKey.post("/api/queries/" + query + "/results", Map.of("max_age", 0));
        assertThat(run.status()).as(run.toString()).isEqualTo(403);
        var adHoc = withKey.post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 1"));
        assertThat(adHoc.status()).as(adHoc.toString()).isEqualTo(403);
        assertThat(withKey.delete("/api/queries/" + query).status()).isEqualTo(403);
        assertThat(api().get("/api/queries/" + query).json().path("is_archived").asBoolean()).isFalse();

        assertThat(api().withKey(key + "x").get("/api/queries/" + query + "/results").status()).isEqualTo(401);
    }

    @Test
    void archivingAQueryRetiresItsKey() {
        assertThat(api().delete("/api/queries/" + query).status()).isEqualTo(200);
        var refused = api().withKey(key).get("/api/queries/" + query + "/results");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    }

    @Test
    void showsAQuerysKeyOnlyToWhoMayEditIt() {
        var analyst = access.user("Analyst");
        access.grant(analyst, dataSource, false);
        var seen = analyst.api().get("/api/queries/" + query);
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.json().path("api_key").isNull()).as(seen.body()).isTrue();
        assertThat(seen.body()).doesNotContain(key);
        var listed = analyst.api().get("/api/queries?page_size=250");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(key);

        var own = analyst.api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "mine",
                "query", "SELECT 1"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("api_key").asString()).isNotBlank();
        assertThat(api().get("/api/queries/" + query).json().path("api_key").asString()).isEqualTo(key);
    }
}
