package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.datasource.DataSources;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A fresh embedded server has the demo data source and queries, and the seed query gives the right sums. */
class DemoDataTest extends EmbeddedServerTest {

    @Autowired
    DataSources dataSources;

    @Test
    void demoDataSourceAndQueriesExistOnFirstStart() {
        JsonNode sources = api().get("/api/data_sources").json();
        assertThat(sources.findValuesAsString("name")).contains("Demo sales");
        JsonNode demo = api().get("/api/queries?tags=demo&page_size=50").json();
        assertThat(demo.path("count").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(demo.path("results").findValuesAsString("name")).contains("sales__revenue_by_region__v1");
    }

    @Test
    void seedQueryMatchesADirectQueryOfTheDuckDbFile() throws Exception {
        long queryId = api().get("/api/queries/search?q=sales__revenue_by_region__v1").json()
                .path("results").get(0).path("id").asLong();
        var submitted = api().post("/api/queries/" + queryId + "/results",
                Map.of("max_age", 0, "parameters", Map.of("start_date", "2000-01-01", "end_date", "2100-01-01")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Runs runs = new Runs(api());
        JsonNode rows = runs.resultOf(submitted)
                .path("data").path("rows");

        Map<String, BigDecimal> direct = directRevenueByRegion();
        assertThat(rows).hasSize(4);
        for (JsonNode row : rows) {
            assertThat(row.path("revenue").decimalValue())
                    .as(row.path("region").asString())
                    .isEqualByComparingTo(direct.get(row.path("region").asString()));
        }
        assertThat(rows.get(0).path("revenue").decimalValue()).isGreaterThan(rows.get(3).path("revenue").decimalValue());
    }

    /** Straight through JDBC on the data source's own pool (a second DuckDB instance of the file cannot open). */
    private Map<String, BigDecimal> directRevenueByRegion() throws Exception {
        long demo = dataSources.findIdByName("Demo sales").orElseThrow();
        Map<String, BigDecimal> revenue = new HashMap<>();
        try (var connection = dataSources.forRun(demo).connection();
             var rs = connection.createStatement().executeQuery(
                     "SELECT region, SUM(amount) FROM sales.fact_transactions GROUP BY region")) {
            while (rs.next()) {
                revenue.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        return revenue;
    }
}
