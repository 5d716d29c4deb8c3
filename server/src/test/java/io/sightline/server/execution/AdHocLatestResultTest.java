package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.RunAccessFixtures;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ad hoc run naming a saved query ({@code query_id}) sets that query's latest result only when it runs on the
 * query's own data source, for a caller who may run the query; a query the caller cannot reach is a 404.
 */
class AdHocLatestResultTest extends EmbeddedServerTest {

    private RunAccessFixtures access;
    private long home;
    private long elsewhere;
    private long query;
    private long latest;

    @BeforeEach
    void adminQueryWithAResultAndASecondDataSource() {
        access = new RunAccessFixtures(api());
        var sources = new DataSourceFixtures(api());
        home = sources.h2("jdbc:h2:mem:results_home_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", Map.of());
        elsewhere = sources.h2("jdbc:h2:mem:results_elsewhere_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", Map.of());
        access.ungrantFromDefaultGroup(home);
        access.ungrantFromDefaultGroup(elsewhere);
        query = access.saveQuery(home, "SELECT 'genuine' AS \"word\"");
        latest = access.runQuery(query);
    }

    @Test
    void refusesAQueryIdOfAQueryOnAnUnreachableDataSource() {
        var intruder = access.user("Intruder");
        access.grant(intruder, elsewhere, false);
        var forged = intruder.api().post("/api/query_results", Map.of("data_source_id", elsewhere,
                "query", "SELECT 'forged' AS \"word\"", "query_id", query, "max_age", 0));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(404);
        assertThat(forged.message()).isEqualTo("Query " + query + " does not exist");
        assertThat(latestOfQuery()).isEqualTo(latest);
    }

    @Test
    void runsOnAnotherDataSourceWithoutTouchingTheQuery() {
        var analyst = access.user("Analyst");
        access.grant(analyst, home, false);
        access.grant(analyst, elsewhere, false);
        var other = new Runs(analyst.api()).resultOf(analyst.api().post("/api/query_results", Map.of(
                "data_source_id", elsewhere, "query", "SELECT 'forged' AS \"word\"", "query_id", query, "max_age", 0)));
        assertThat(other.path("data").path("rows").get(0).path("word").asString()).isEqualTo("forged");
        assertThat(latestOfQuery()).isEqualTo(latest);
    }

    @Test
    void setsTheLatestResultFromTheQuerysOwnDataSource() {
        var analyst = access.user("Analyst");
        access.grant(analyst, home, false);
        var edited = new Runs(analyst.api()).resultOf(analyst.api().post("/api/query_results", Map.of(
                "data_source_id", home, "query", "SELECT 'edited' AS \"word\"", "query_id", query, "max_age", 0)));
        assertThat(latestOfQuery()).isEqualTo(edited.path("id").asLong()).isNotEqualTo(latest);
    }

    @Test
    void leavesAnArchivedQueryAlone() {
        assertThat(api().delete("/api/queries/" + query).status()).isEqualTo(200);
        var ran = new Runs(api()).resultOf(api().post("/api/query_results", Map.of(
                "data_source_id", home, "query", "SELECT 'late' AS \"word\"", "query_id", query, "max_age", 0)));
        assertThat(ran.path("data").path("rows").get(0).path("word").asString()).isEqualTo("late");
        assertThat(latestOfQuery()).isEqualTo(latest);
    }

    private long latestOfQuery() {
        return api().get("/api/queries/" + query).json().path("latest_query_data_id").asLong();
    }
}
