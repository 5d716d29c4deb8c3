package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sharing a dashboard by link over HTTP: Redash's {@code {public_url, api_key}}, what the token reaches (that
 * dashboard's widgets, never SQL, data source details or emails), revocation and expiry at once, the refusal of
 * dashboards whose queries take text, result caching by ETag, and the page's security headers.
 */
class ShareApiTest extends EmbeddedServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET_SQL = "SELECT 42 AS answer, 'x' AS secret_marker_col";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private AccessFixtures fixtures;
    private long dataSource;
    private Member owner;

    @BeforeEach
    void fixtures() {
        fixtures = new AccessFixtures(api());
        dataSource = fixtures.privateDataSource();
        owner = fixtures.user("Sharer");
        fixtures.grant(owner, dataSource, false);
    }

    @Test
    void aLinkShowsTheDashboardWithoutSqlDataSourceOrEmails() throws Exception {
        Api api = owner.api();
        long query = query(api, SECRET_SQL, "[]");
        long counter = viz(api, query, "COUNTER", Map.of("counterColName", "answer", "stringSuffix", " items"));
        long dashboard = dashboard(api, Map.of("refresh", 300));
        long counterWidget = widget(api, dashboard, counter, null, 0, 0, 3, 4);
        widget(api, dashboard, null, "# Notes\n**bold** <script>alert(1)</script>", 3, 0, 9, 4);

        var shared = api.post("/api/dashboards/" + dashboard + "/share", Map.of());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        String token = shared.json().path("api_key").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(shared.json().path("public_url").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/public/dashboards/" + token);

        var page = anonymous().get("/api/dashboards/public/" + token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.path("name").asString()).startsWith("Shared");
        assertThat(json.path("options").path("refresh").asInt()).isEqualTo(300);
        assertThat(json.path("widgets").size()).isEqualTo(2);
        JsonNode chart = json.path("widgets").get(0);
        assertThat(chart.path("visualization").path("query").path("id").asLong()).isEqualTo(query);
        assertThat(chart.path("visualization").path("query").has("query")).isFalse();
        JsonNode text = json.path("widgets").get(1);
        assertThat(text.path("text_html").asString()).contains("<h1>Notes</h1>", "<strong>bold</strong>",
                "&lt;script&gt;").doesNotContain("<script>");
        assertNothingSecret(page.body(), owner);

        JsonNode result = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/dashboards/public/" + token + "/widgets/" + counterWidget + "/results", null),
                        r -> r.statusCode() == 200)
                .body().transform(Api.JSON::readTree);
        assertThat(result.path("counter").path("text").asString()).isEqualTo("42 items");
        assertThat(result.path("rows").get(0).path("answer").asInt()).isEqualTo(42);
        assertThat(result.path("retrieved_at").asString()).isNotBlank();

        var first = get("/api/dashboards/public/" + token + "/widgets/" + counterWidget + "/results", null);
        assertNothingSecret(first.body(), owner);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("private", "max-age=0",
                "must-revalidate");
        var again = get("/api/dashboards/public/" + token + "/widgets/" + counterWidget + "/results", etag);
        assertThat(again.statusCode()).as("the same result: not sent again").isEqualTo(304);
        long runs = api().get("/api/queries/" + query).json().path("latest_query_data_id").asLong();
        assertThat(runs).as("viewers share the stored result").isEqualTo(result.path("result_id").asLong(runs));
    }

    @Test
    void manyViewersAtOnceCauseOneRunOfTheQuery() throws Exception {
        Api api = owner.api();
        String sql = "SELECT 5 AS n, '" + java.util.UUID.randomUUID() + "' AS marker";
        long query = query(api, sql, "[]");
        long dashboard = dashboard(api, Map.of("refresh", 60));
        long widget = widget(api, dashboard, viz(api, query, "COUNTER", Map.of("counterColName", "n")), null, 0, 0, 3, 4);
        String token = share(api, dashboard);
        String path = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results";

        var viewers = java.util.concurrent.Executors.newFixedThreadPool(25);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> first = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                first.add(viewers.submit(() -> get(path, null)));
            }
            for (var answer : first) {
                assertThat(answer.get().statusCode()).isIn(200, 202);
            }
        } finally {
            viewers.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get(path, null).statusCode() == 200);
        for (int i = 0; i < 20; i++) {
            assertThat(get(path, null).statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM query_results WHERE query_text = ?").param(sql).query(Long.class)
                .single()).as("one run for every viewer, while the result is younger than the refresh interval")
                .isEqualTo(1);
    }

    @Test
    void aNewResultAndAnEditReachTheViewersOfAnOpenLinkWithinSeconds() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT 1 AS n", "[]");
        long dashboard = dashboard(api, Map.of());
        long counter = viz(api, query, "COUNTER", Map.of("counterColName", "n"));
        long widget = widget(api, dashboard, counter, null, 0, 0, 3, 4);
        String token = share(api, dashboard);
        String path = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results";
        var first = await().atMost(Duration.ofSeconds(30)).until(() -> get(path, null), r -> r.statusCode() == 200);
        assertThat(Api.JSON.readTree(first.body()).path("counter").path("value").asInt()).isEqualTo(1);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(api.post("/api/queries/" + query, Map.of("query", "SELECT 2 AS n")).status()).isEqualTo(200);
        new io.sightline.server.support.Runs(api).resultOf(api.post("/api/queries/" + query + "/results",
                Map.of("max_age", 0)));
        var renamed = api.post("/api/dashboards/" + dashboard, Map.of("name", "Renamed for viewers"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        var fresh = await().atMost(Duration.ofSeconds(10)).until(() -> get(path, etag), r -> r.statusCode() == 200);
        assertThat(Api.JSON.readTree(fresh.body()).path("counter").path("value").asInt()).as("the query's new result")
                .isEqualTo(2);
        assertThat(fresh.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous().get("/api/dashboards/public/" + token).json()
                .path("name").asString().equals("Renamed for viewers"));
        var page = anonymous().get("/api/dashboards/public/" + token);
        assertThat(page.contentType()).startsWith("application/json");
        assertThat(page.body()).as("the same answer while nothing changed")
                .isEqualTo(anonymous().get("/api/dashboards/public/" + token).body());
        String newEtag = fresh.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, newEtag).statusCode()).as("unchanged since").isEqualTo(304);
        assertThat(get(path, null).body()).as("the same answer again").isEqualTo(fresh.body());
        assertThat(fresh.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        var edited = api.post("/api/visualizations/" + counter, Map.of("options",
                Map.of("counterColName", "n", "stringSuffix", " orders")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        var redrawn = await().atMost(Duration.ofSeconds(10)).until(() -> get(path, newEtag), r -> r.statusCode() == 200);
        assertThat(Api.JSON.readTree(redrawn.body()).path("counter").path("text").asString())
                .as("the visualization's new options").contains("orders");
    }

    @Test
    void eachWidgetRunsWithItsMappedValuesAndThePagesOwn() throws Exception {
        Api api = owner.api();
        String marker = java.util.UUID.randomUUID().toString();
        long query = query(api, "SELECT '{{ region }}' AS region, {{ n }} AS n, '" + marker + "' AS marker",
                "[{\"name\":\"region\",\"title\":\"Region\",\"type\":\"enum\",\"value\":\"EMEA\","
                        + "\"enumOptions\":\"EMEA\\nAMER\\nAPAC\"},"
                        + "{\"name\":\"n\",\"title\":\"N\",\"type\":\"number\",\"value\":1}]");
        long table = viz(api, query, "TABLE", Map.of());
        long dashboard = dashboard(api, Map.of("parameters", List.of(Map.of("name", "region", "value", "AMER"))));
        long mapped = widget(api, dashboard, table, 0, 0, Map.of(
                "region", Map.of("name", "region", "type", "dashboard-level", "mapTo", "region", "title", "")));
        long fixed = widget(api, dashboard, table, 6, 0, Map.of(
                "region", Map.of("name", "region", "type", "static-value", "value", "APAC", "title", "")));
        String token = share(api, dashboard);
        long latestBefore = api.get("/api/queries/" + query).json().path("latest_query_data_id").asLong(0);

        assertThat(row(token, mapped, "")).as("the dashboard's saved value").isEqualTo("AMER 1");
        assertThat(row(token, fixed, "")).as("a static value").isEqualTo("APAC 1");
        assertThat(row(token, mapped, "?p_region=EMEA")).as("the page's value").isEqualTo("EMEA 1");
        assertThat(row(token, fixed, "?p_region=EMEA")).as("a static value ignores the page's").isEqualTo("APAC 1");
        assertThat(row(token, fixed, "?p_w" + fixed + "_n=7")).as("a widget-level value").isEqualTo("APAC 7");
        assertThat(row(token, mapped, "?p_w" + fixed + "_n=7")).as("another widget's value").isEqualTo("AMER 1");

        var bad = get("/api/dashboards/public/" + token + "/widgets/" + mapped + "/results?p_region=MARS", null);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("region").contains("MARS");
        assertThat(api.get("/api/queries/" + query).json().path("latest_query_data_id").asLong(0))
                .as("what a viewer picks never becomes the query's latest result").isEqualTo(latestBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM query_results WHERE query_text LIKE ?").param("%" + marker + "%")
                .query(Long.class).single()).as("one run per distinct set of values").isEqualTo(4);
    }

    @Test
    void aWidgetsEditedValueIsUsedEvenWhenItsOptionsTextHasTheSameHashCode() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT '{{ region }}' AS region, 1 AS n",
                "[{\"name\":\"region\",\"title\":\"Region\",\"type\":\"enum\",\"value\":\"Aa\","
                        + "\"enumOptions\":\"Aa\\nBB\"}]");
        long dashboard = dashboard(api, Map.of());
        long widget = widget(api, dashboard, viz(api, query, "TABLE", Map.of()), 0, 0, Map.of(
                "region", Map.of("name", "region", "type", "static-value", "value", "Aa", "title", "")));
        String token = share(api, dashboard);
        assertThat(row(token, widget, "")).isEqualTo("Aa 1");
        String before = widgetOptions(widget);

        var edited = api.post("/api/widgets/" + widget, Map.of("options", Map.of(
                "position", Map.of("col", 0, "row", 0, "sizeX", 6, "sizeY", 6),
                "parameterMappings", Map.of("region", Map.of("name", "region", "type", "static-value", "value", "BB",
                        "title", "")))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        String after = widgetOptions(widget);
        assertThat(after).isNotEqualTo(before).contains("BB");
        assertThat(after.hashCode()).as("\"Aa\" and \"BB\" hash alike in the same place").isEqualTo(before.hashCode());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> row(token, widget, ""), "BB 1"::equals);
    }

    private String widgetOptions(long widget) {
        return jdbc.sql("SELECT options FROM widgets WHERE id = ?").param(widget).query(String.class).single();
    }

    @Test
    void anEmbedLinkLocksItsValuesEndsWithTheShareAndRefusesTampering() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT '{{ region }}' AS region, {{ n }} AS n",
                "[{\"name\":\"region\",\"title\":\"Region\",\"type\":\"enum\",\"value\":\"EMEA\","
                        + "\"enumOptions\":\"EMEA\\nAMER\\nAPAC\"},"
                        + "{\"name\":\"n\",\"title\":\"N\",\"type\":\"number\",\"value\":1}]");
        long dashboard = dashboard(api, Map.of());
        long widget = widget(api, dashboard, viz(api, query, "TABLE", Map.of()), 0, 0, Map.of(
                "region", Map.of("name", "region", "type", "dashboard-level", "mapTo", "region", "title", ""),
                "n", Map.of("name", "n", "type", "dashboard-level", "mapTo", "n", "title", "")));
        var noShare = api.post("/api/dashboards/" + dashboard + "/embed", Map.of());
        assertThat(noShare.status()).isEqualTo(400);
        assertThat(noShare.message()).contains("has no share link");
        share(api, dashboard);

        var unknown = api.post("/api/dashboards/" + dashboard + "/embed", Map.of("parameters", Map.of("country", "FR")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("no parameter 'country'").contains("region");
        var badValue = api.post("/api/dashboards/" + dashboard + "/embed", Map.of("parameters", Map.of("region", "MARS")));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.message()).contains("region").contains("MARS");
        var tooLong = api.post("/api/dashboards/" + dashboard + "/embed",
                Map.of("expires_at", OffsetDateTime.now().plusYears(2).toString()));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).contains("expires_at");
        assertThat(fixtures.user("Stranger").api().post("/api/dashboards/" + dashboard + "/embed", Map.of()).status())
                .isEqualTo(403);

        var embedded = api.post("/api/dashboards/" + dashboard + "/embed", Map.of("parameters", Map.of("region", "APAC")));
        assertThat(embedded.status()).as(embedded.toString()).isEqualTo(200);
        String token = embedded.json().path("token").asString();
        assertThat(embedded.json().path("embed_url").asString()).endsWith("/public/dashboards/" + token);
        assertThat(embedded.json().path("parameters").path("region").asString()).isEqualTo("APAC");
        JsonNode page = anonymous().get("/api/dashboards/public/" + token).json();
        assertThat(page.path("locked_parameters").path("region").asString()).isEqualTo("APAC");
        assertThat(page.path("locked_parameters").has("n")).isFalse();
        assertThat(get("/public/dashboards/" + token, null).statusCode()).isEqualTo(200);

        assertThat(row(token, widget, "")).isEqualTo("APAC 1");
        assertThat(row(token, widget, "?p_region=EMEA&p_n=3")).as("the page cannot change a locked value, only the others")
                .isEqualTo("APAC 3");

        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("APAC");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("APAC", "EMEA").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        var refused = get("/public/dashboards/" + tampered, null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("This link is no longer valid");
        assertThat(anonymous().get("/api/dashboards/public/" + tampered).message()).isEqualTo("This link is no longer valid");

        String expiring = api.post("/api/dashboards/" + dashboard + "/embed",
                Map.of("expires_at", OffsetDateTime.now().plusSeconds(2).toString())).json().path("token").asString();
        assertThat(anonymous().get("/api/dashboards/public/" + expiring).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous().get("/api/dashboards/public/" + expiring).status() == 404);

        assertThat(api.delete("/api/dashboards/" + dashboard + "/share").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/dashboards/public/" + token).message()).as("it ends with the share link")
                .isEqualTo("This link is no longer valid");
        share(api, dashboard);
        assertThat(anonymous().get("/api/dashboards/public/" + token).status()).as("a new share link does not revive it")
                .isEqualTo(404);
    }

    /** The widget's first row as "region n", once its run has ended. */
    private String row(String token, long widget, String page) {
        String path = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results" + page;
        JsonNode result = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path, null), r -> r.statusCode() != 202).body().transform(Api.JSON::readTree);
        assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("done");
        JsonNode first = result.path("rows").get(0);
        return first.path("region").asString() + " " + first.path("n").asInt();
    }

    @Test
    void mapAndPivotWidgetsAreAnsweredAsTheDesktopDrawsThemWithNothingSecret() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT * FROM (VALUES ('BRA', 100.0, -15.8, -47.9, 'south', 'Q1'),"
                + " ('CAN', 900.0, 45.4, -75.7, 'north', 'Q1'), ('USA', 500.0, 38.9, -77.0, 'north', 'Q2'),"
                + " ('XXX', 1.0, 95.0, 0.0, 'nowhere', 'Q2')) AS t(country, revenue, lat, lon, zone, quarter)", "[]");
        long dashboard = dashboard(api, Map.of());
        long choropleth = widget(api, dashboard, viz(api, query, "CHOROPLETH", Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue", "valueFormat", "$0,0")), null, 0, 0, 6, 8);
        long markers = widget(api, dashboard, viz(api, query, "MAP", Map.of("latColName", "lat", "lonColName", "lon",
                "classify", "zone", "tooltip", Map.of("enabled", true, "template", "<b>{{ country }}</b> {{ revenue }}"))),
                null, 6, 0, 6, 8);
        long bubbles = widget(api, dashboard, viz(api, query, "MAP", Map.of("latColName", "lat", "lonColName", "lon",
                "sightline", Map.of("bubble", Map.of("sizeColumn", "revenue", "maxRadius", 30)))), null, 0, 14, 6, 8);
        long pivot = widget(api, dashboard, viz(api, query, "PIVOT", Map.of("rows", List.of("zone"),
                "cols", List.of("quarter"), "vals", List.of("revenue"), "aggregatorName", "Sum",
                "rendererName", "Table Heatmap")), null, 0, 8, 12, 6);
        String token = share(api, dashboard);

        var choroplethAnswer = answer(token, choropleth);
        JsonNode map = Api.JSON.readTree(choroplethAnswer).path("map");
        assertThat(map.path("kind").asString()).isEqualTo("choropleth");
        assertThat(map.path("outline").asString()).isEqualTo("/viewer/maps/countries.geojson");
        assertThat(map.path("regions").size()).as("every country of the outlines").isGreaterThan(200);
        // Redash's default classes (equidistant, #799CFF to #002FB4) over 100, 500, 900: the desktop's figures
        assertThat(region(map, "BRA").path("color").asString()).isEqualTo("#799cff");
        assertThat(region(map, "USA").path("color").asString()).isEqualTo("#3d66da");
        JsonNode canada = region(map, "CAN");
        assertThat(canada.path("color").asString()).isEqualTo("#002fb4");
        assertThat(canada.path("text").asString()).isEqualTo("$900");
        assertThat(canada.path("tooltip").asString()).isEqualTo("Canada: $900");
        assertThat(canada.path("row").asInt()).as("its row, for a click to drill through with").isEqualTo(1);
        JsonNode australia = map.path("regions").valueStream()
                .filter(r -> r.path("name").asString().equals("Australia")).findFirst().orElseThrow();
        assertThat(australia.path("color").isNull()).as("no value: the page's theme colour").isTrue();
        assertThat(australia.path("text").asString()).isEqualTo("N/A");
        assertThat(australia.path("row").isNull()).as("no row to drill through with").isTrue();
        assertThat(map.path("legend").path("steps").valueStream().map(s -> s.path("text").asString()).toList())
                .containsExactly("$900", "$500", "$100");
        assertThat(map.path("notes").get(0).asString()).contains("1 of 4 keys match no country by iso_a3: XXX");
        assertNothingSecret(choroplethAnswer, owner);

        var markersAnswer = answer(token, markers);
        JsonNode points = Api.JSON.readTree(markersAnswer).path("map");
        assertThat(points.path("kind").asString()).isEqualTo("markers");
        assertThat(points.path("points").valueStream().map(p -> p.path("label").asString()).toList())
                .as("the row at latitude 95 is left out").containsExactly("BRA 100.0", "CAN 900.0", "USA 500.0");
        assertThat(points.path("points").get(0).path("lat").asDouble()).isEqualTo(-15.8);
        assertThat(points.path("points").valueStream().map(p -> p.path("row").asInt()).toList()).containsExactly(0, 1, 2);
        assertThat(points.path("cluster").asBoolean()).as("Redash clusters markers unless told not to").isTrue();
        assertThat(points.path("groups").valueStream().map(g -> g.path("name").asString() + " "
                + g.path("color").asString()).toList()).containsExactly("south #1f77b4", "north #ff7f0e");
        assertThat(points.path("notes").get(0).asString()).startsWith("1 of 4 rows have no valid lat/lon");
        assertNothingSecret(markersAnswer, owner);

        JsonNode sized = Api.JSON.readTree(answer(token, bubbles)).path("map");
        assertThat(sized.path("points").valueStream().map(p -> p.path("row").asInt() + " " + p.path("size").asDouble()
                + " " + Math.round(p.path("radius").asDouble() * 100) / 100.0).toList())
                .as("largest first, the area by the revenue").containsExactly("1 900.0 30.0", "2 500.0 22.36",
                        "0 100.0 10.0");
        assertThat(sized.path("cluster").asBoolean()).as("bubbles never cluster").isFalse();
        assertThat(sized.path("bubble").path("column").asString()).isEqualTo("revenue");
        assertThat(sized.path("bubble").path("legend").valueStream().map(l -> l.path("text").asString()).toList())
                .containsExactly("900", "225", "56.25");
        assertThat(sized.path("points").get(0).path("label").asString()).as("the value in the tooltip")
                .isEqualTo("revenue: 900");
        assertThat(points.path("bubble").isNull()).as("markers are no bubbles").isTrue();

        var pivotAnswer = answer(token, pivot);
        JsonNode table = Api.JSON.readTree(pivotAnswer).path("pivot");
        assertThat(table.path("row_keys").toString()).isEqualTo("[[\"north\"],[\"nowhere\"],[\"south\"]]");
        assertThat(table.path("col_keys").toString()).isEqualTo("[[\"Q1\"],[\"Q2\"]]");
        assertThat(table.path("cells").get(0).get(0).path("text").asString()).isEqualTo("900.00");
        assertThat(table.path("cells").get(0).get(0).path("color").asString()).as("the largest cell").isEqualTo("#f4a261");
        assertThat(table.path("cells").get(2).get(1).path("text").asString()).as("south has no Q2").isEmpty();
        assertThat(table.path("row_totals").get(0).path("text").asString()).isEqualTo("1,400.00");
        assertThat(table.path("col_totals").get(1).path("text").asString()).isEqualTo("501.00");
        assertThat(table.path("grand_total").path("text").asString()).isEqualTo("1,501.00");
        assertNothingSecret(pivotAnswer, owner);

        var outline = get("/viewer/maps/countries.geojson", null);
        assertThat(outline.statusCode()).isEqualTo(200);
        assertThat(outline.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode geo = Api.JSON.readTree(outline.body());
        assertThat(geo.path("features").size()).isEqualTo(map.path("regions").size());
        JsonNode canadaOutline = geo.path("features").get(Integer.parseInt(canada.path("key").asString()));
        assertThat(canadaOutline.path("properties").path("iso_a3").asString()).as("keys name the same region")
                .isEqualTo("CAN");
        assertThat(canadaOutline.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(get("/viewer/maps/countries.geojson", outline.headers().firstValue("ETag").orElseThrow())
                .statusCode()).as("fetched once per version").isEqualTo(304);
        assertThat(get("/viewer/maps/mars.geojson", null).statusCode()).isEqualTo(404);
    }

    /** A widget's answer once its query has run. */
    private String answer(String token, long widget) {
        String path = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results";
        var response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path, null), r -> r.statusCode() != 202);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"error\"");
        return response.body();
    }

    private static JsonNode region(JsonNode map, String code) {
        return map.path("regions").valueStream().filter(r -> r.path("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no region " + code));
    }

    @Test
    void aTableWidgetIsAnsweredWithItsColumnTitlesAndFormatsAsTheDesktopShowsThem() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT * FROM (VALUES ('Laptop', 13078854.637, true, 'hidden'),"
                + " ('Phone', 7.5, false, 'hidden')) AS t(product, revenue, in_stock, secret_note)", "[]");
        long dashboard = dashboard(api, Map.of());
        long table = widget(api, dashboard, viz(api, query, "TABLE", Map.of("columns", List.of(
                Map.of("name", "revenue", "title", "Revenue", "displayAs", "number", "numberFormat", "$0,0.00",
                        "alignContent", "right", "visible", true, "order", 0),
                Map.of("name", "product", "title", "Product", "displayAs", "string", "alignContent", "left",
                        "visible", true, "order", 1),
                Map.of("name", "in_stock", "title", "In stock", "displayAs", "boolean",
                        "booleanValues", List.of("no", "yes"), "visible", true, "order", 2),
                Map.of("name", "secret_note", "title", "Note", "visible", false, "order", 3)))), null, 0, 0, 12, 6);
        String token = share(api, dashboard);

        JsonNode shaped = Api.JSON.readTree(answer(token, table)).path("table");
        assertThat(shaped.path("columns").valueStream().map(c -> c.path("title").asString()).toList())
                .as("the visible columns, in their saved order, with their titles").containsExactly("Revenue",
                        "Product", "In stock");
        assertThat(shaped.path("columns").get(0).path("align").asString()).isEqualTo("right");
        assertThat(shaped.path("cells").get(0).valueStream().map(JsonNode::asString).toList())
                .containsExactly("$13,078,854.64", "Laptop", "yes");
        assertThat(shaped.path("cells").get(1).valueStream().map(JsonNode::asString).toList())
                .containsExactly("$7.50", "Phone", "no");
    }

    @Test
    void aTableWidgetWithoutSavedFormatsShowsTheOrganizationsAndFollowsTheirChange() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT DATE '2024-03-05' AS sold_on, TIMESTAMP '2024-03-05 14:07:09' AS sold_at,"
                + " 1234567 AS orders", "[]");
        long dashboard = dashboard(api, Map.of());
        long table = widget(api, dashboard, viz(api, query, "TABLE", Map.of()), null, 0, 0, 12, 6);
        String token = share(api, dashboard);
        String path = "/api/dashboards/public/" + token + "/widgets/" + table + "/results";
        try {
            JsonNode before = Api.JSON.readTree(answer(token, table)).path("table");
            assertThat(before.path("cells").get(0).valueStream().map(JsonNode::asString).toList())
                    .as("Redash's defaults").containsExactly("05/03/24", "05/03/24 14:07", "1,234,567");
            String oldTag = get(path, null).headers().firstValue("ETag").orElseThrow();

            var changed = api().post("/api/settings/organization", Map.of("date_format", "YYYY-MM-DD",
                    "time_format", "HH:mm:ss", "integer_format", "0,0.0"));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

            var again = get(path, oldTag);
            assertThat(again.statusCode()).as("a viewer holding the old answer gets the new one").isEqualTo(200);
            assertThat(Api.JSON.readTree(again.body()).path("table").path("cells").get(0).valueStream()
                    .map(JsonNode::asString).toList())
                    .containsExactly("2024-03-05", "2024-03-05 14:07:09", "1,234,567.0");
        } finally {
            var reset = new java.util.HashMap<String, Object>();
            reset.put("date_format", null);
            reset.put("time_format", null);
            reset.put("integer_format", null);
            api().post("/api/settings/organization", reset);
        }
    }

    @Test
    void funnelDetailsAndCohortWidgetsAreAnsweredWithTheNumbersAndColoursTheDesktopDraws() throws Exception {
        Api api = owner.api();
        long steps = query(api, "SELECT * FROM (VALUES ('Visited', 1000), ('Bought', 100), ('Signed up', 400))"
                + " AS t(step, people)", "[]");
        long retention = query(api, "SELECT * FROM (VALUES (DATE '2024-01-01', 1, 100, 100),"
                + " (DATE '2024-01-01', 2, 100, 50), (DATE '2024-01-02', 1, 80, 40))"
                + " AS t(cohort_day, stage, size, kept)", "[]");
        long dashboard = dashboard(api, Map.of());
        long funnel = widget(api, dashboard, viz(api, steps, "FUNNEL", Map.of(
                "stepCol", Map.of("colName", "step", "displayAs", "Stage"),
                "valueCol", Map.of("colName", "people", "displayAs", "People"))), null, 0, 0, 6, 6);
        long details = widget(api, dashboard, viz(api, steps, "DETAILS", Map.of("columns", List.of(
                Map.of("name", "people", "title", "People", "displayAs", "number", "numberFormat", "0,0",
                        "visible", true, "order", 0),
                Map.of("name", "step", "title", "Step", "displayAs", "string", "visible", true, "order", 1)))),
                null, 6, 0, 6, 6);
        long cohort = widget(api, dashboard, viz(api, retention, "COHORT", Map.of("dateColumn",
                "cohort_day", "stageColumn", "stage", "totalColumn", "size", "valueColumn", "kept")), null, 0, 6, 12, 6);
        String token = share(api, dashboard);

        JsonNode shapedFunnel = Api.JSON.readTree(answer(token, funnel)).path("funnel");
        assertThat(shapedFunnel.path("step_title").asString()).isEqualTo("Stage");
        assertThat(shapedFunnel.path("value_title").asString()).isEqualTo("People");
        JsonNode funnelSteps = shapedFunnel.path("steps");
        assertThat(funnelSteps.valueStream().map(s -> s.path("step").asString()).toList())
                .as("largest first").containsExactly("Visited", "Signed up", "Bought");
        assertThat(funnelSteps.valueStream().map(s -> s.path("value_text").asString()).toList())
                .containsExactly("1,000", "400", "100");
        assertThat(funnelSteps.valueStream().map(s -> s.path("percent_max_text").asString()).toList())
                .containsExactly("100%", "40%", "10%");
        assertThat(funnelSteps.valueStream().map(s -> s.path("percent_previous_text").asString()).toList())
                .containsExactly("100%", "40%", "25%");
        assertThat(funnelSteps.valueStream().map(s -> s.path("value_share").asDouble()).toList())
                .containsExactly(1.0, 0.4, 0.1);
        assertThat(funnelSteps.valueStream().map(s -> s.path("previous_share").asDouble()).toList())
                .as("of the largest % previous").containsExactly(1.0, 0.4, 0.25);

        JsonNode shapedDetails = Api.JSON.readTree(answer(token, details)).path("details");
        assertThat(shapedDetails.path("columns").valueStream().map(c -> c.path("title").asString()).toList())
                .containsExactly("People", "Step");
        assertThat(shapedDetails.path("cells").valueStream()
                .map(r -> r.get(0).asString() + " " + r.get(1).asString()).toList())
                .containsExactly("1,000 Visited", "100 Bought", "400 Signed up");

        JsonNode shapedCohort = Api.JSON.readTree(answer(token, cohort)).path("cohort");
        assertThat(shapedCohort.path("stages").valueStream().map(JsonNode::asString).toList())
                .containsExactly("1", "2");
        JsonNode first = shapedCohort.path("rows").get(0);
        JsonNode second = shapedCohort.path("rows").get(1);
        assertThat(List.of(first.path("time").asString(), first.path("people").asString(),
                second.path("time").asString(), second.path("people").asString()))
                .containsExactly("January 1, 2024", "100", "January 2, 2024", "80");
        assertThat(first.path("cells").valueStream().map(c -> c.path("text").asString() + " "
                + c.path("color").asString() + " " + c.path("text_color").asString()).toList())
                .as("the whole cohort stayed a day, half two days: the scale's darkest and middle classes")
                .containsExactly("100.00% #002fb4 #ffffff", "50.00% #5a85ff #000000");
        assertThat(first.path("cells").get(1).path("title").asString()).as("the value behind the percent")
                .isEqualTo("50");
        assertThat(second.path("cells").get(0).path("text").asString()).isEqualTo("50.00%");
        assertThat(second.path("cells").get(1).path("text").asString()).as("past the diagonal").isEqualTo("-");
        assertThat(second.path("cells").get(1).has("color")).isFalse();
    }

    @Test
    void boxHeatmapAndRightAxisChartsAreAnsweredAsTheDesktopDrawsThem() throws Exception {
        Api api = owner.api();
        long amounts = query(api, "SELECT * FROM (VALUES ('A', 1), ('A', 2), ('A', 3), ('A', 4), ('A', 100),"
                + " ('B', 10), ('B', 20)) AS t(grp, amount)", "[]");
        long visits = query(api, "SELECT * FROM (VALUES ('Mon', 9, 10), ('Mon', 10, 20), ('Tue', 9, 30))"
                + " AS t(weekday, slot, visits)", "[]");
        long twoMeasures = query(api, "SELECT * FROM (VALUES ('Jan', 1000, 12), ('Feb', 1500, 20))"
                + " AS t(mon, revenue, orders)", "[]");
        long dashboard = dashboard(api, Map.of());
        long box = widget(api, dashboard, viz(api, amounts, "CHART", Map.of("globalSeriesType", "box",
                "columnMapping", Map.of("grp", "x", "amount", "y"))), null, 0, 0, 6, 6);
        long heatmap = widget(api, dashboard, viz(api, visits, "CHART", Map.of("globalSeriesType", "heatmap",
                "columnMapping", Map.of("weekday", "x", "slot", "y", "visits", "zVal"))), null, 6, 0, 6, 6);
        long twoAxes = widget(api, dashboard, viz(api, twoMeasures, "CHART", Map.of("globalSeriesType", "column",
                "columnMapping", Map.of("mon", "x", "revenue", "y", "orders", "y"),
                "seriesOptions", Map.of("orders", Map.of("type", "line", "yAxis", 1)),
                "yAxis", List.of(Map.of("type", "linear", "title", Map.of("text", "Revenue")),
                        Map.of("type", "linear", "opposite", true, "title", Map.of("text", "Orders"),
                                "rangeMin", 0, "rangeMax", 50)))), null, 0, 6, 6, 6);
        long bubbles = widget(api, dashboard, viz(api, twoMeasures, "CHART", Map.of("globalSeriesType", "bubble",
                "coefficient", 2, "columnMapping", Map.of("mon", "x", "revenue", "y", "orders", "size"))),
                null, 6, 6, 6, 6);
        String token = share(api, dashboard);

        JsonNode bubble = Api.JSON.readTree(answer(token, bubbles)).path("chart");
        assertThat(bubble.path("bubble").path("coefficient").asDouble()).isEqualTo(2.0);
        assertThat(bubble.path("bubble").path("sizemode").asString()).isEqualTo("diameter");
        JsonNode boxes = Api.JSON.readTree(answer(token, box)).path("chart").path("box");
        assertThat(boxes.path("xs").valueStream().map(JsonNode::asString).toList()).containsExactly("A", "B");
        JsonNode a = boxes.path("series").get(0).path("boxes").get(0);
        assertThat(a.path("x").asString()).isEqualTo("A");
        assertThat(a.path("box").valueStream().map(JsonNode::asDouble).toList())
                .as("whiskers within 1.5 IQR, quartiles, median").containsExactly(1.0, 2.0, 3.0, 4.0, 4.0);
        assertThat(a.path("outliers").valueStream().map(JsonNode::asDouble).toList()).containsExactly(100.0);
        assertThat(boxes.path("series").get(0).path("boxes").get(1).path("box").valueStream()
                .map(JsonNode::asDouble).toList()).containsExactly(10.0, 12.5, 15.0, 17.5, 20.0);

        JsonNode heat = Api.JSON.readTree(answer(token, heatmap)).path("chart").path("heatmap");
        assertThat(heat.path("xs").valueStream().map(JsonNode::asString).toList()).containsExactly("Mon", "Tue");
        assertThat(heat.path("ys").valueStream().map(JsonNode::asString).toList()).containsExactly("9", "10");
        assertThat(heat.path("cells").valueStream().map(c -> c.get(0).asInt() + "," + c.get(1).asInt() + " "
                + c.get(3).asString() + " " + c.get(4).asString()).toList())
                .as("Redash's default scheme from the smallest z (an empty cell, 0) to the largest")
                .containsExactly("0,0 #658dff 10", "1,0 #e92827 30", "0,1 #f0706f 20", "1,1 #356aff 0");

        JsonNode chart = Api.JSON.readTree(answer(token, twoAxes)).path("chart");
        assertThat(chart.path("series").valueStream().map(s -> s.path("name").asString() + " "
                + s.path("y_axis").asInt()).toList()).containsExactly("revenue 0", "orders 1");
        assertThat(chart.path("series").valueStream().map(s -> s.path("color").asString()).toList())
                .as("Redash's palette by place, as the desktop draws them").containsExactly("#356aff", "#e92828");
        assertThat(chart.path("y_axes").get(1).path("title").asString()).isEqualTo("Orders");
        assertThat(chart.path("y_axes").get(1).path("max").asDouble()).isEqualTo(50.0);
        assertThat(chart.path("y_axes").get(0).path("title").asString()).isEqualTo("Revenue");
    }

    @Test
    void aTokenReachesOnlyItsOwnDashboardsWidgets() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT 1 AS n", "[]");
        long viz = viz(api, query, "TABLE", Map.of());
        long a = dashboard(api, Map.of());
        long b = dashboard(api, Map.of());
        widget(api, a, viz, null, 0, 0, 6, 4);
        long widgetOfB = widget(api, b, viz, null, 0, 0, 6, 4);
        String tokenA = share(api, a);
        share(api, b);

        var foreign = get("/api/dashboards/public/" + tokenA + "/widgets/" + widgetOfB + "/results", null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("SELECT");
        assertThat(anonymous().get("/api/queries/" + query + "/results?api_key=" + tokenA).status())
                .as("a dashboard's token is no API key").isEqualTo(401);
        assertThat(anonymous().get("/api/queries/" + query).status()).isEqualTo(401);
    }

    @Test
    void theOwnerAndAdminsSeeTheLinkOnTheDashboardAndNoOneElse() {
        Api api = owner.api();
        long dashboard = dashboard(api, Map.of());
        Member colleague = fixtures.user("Colleague");
        assertThat(api.get("/api/dashboards/" + dashboard).json().has("public_url")).as("not shared yet").isFalse();

        String token = share(api, dashboard);
        JsonNode own = api.get("/api/dashboards/" + dashboard).json();
        assertThat(own.path("api_key").asString()).isEqualTo(token);
        assertThat(own.path("public_url").asString()).isEqualTo("http://127.0.0.1:" + port + "/public/dashboards/" + token);
        assertThat(api().get("/api/dashboards/" + dashboard).json().path("api_key").asString()).as("an admin")
                .isEqualTo(token);
        var other = colleague.api().get("/api/dashboards/" + dashboard);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(other.json().has("api_key")).as("someone who only views it").isFalse();
        assertThat(other.json().has("public_url")).isFalse();

        assertThat(own.has("public_url_expires_at")).as("a link without an end").isFalse();
        assertThat(other.json().has("public_url_expires_at")).isFalse();

        String ends = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(3)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(api.post("/api/dashboards/" + dashboard + "/share", Map.of("expires_at", ends)).status())
                .isEqualTo(200);
        assertThat(java.time.OffsetDateTime.parse(api.get("/api/dashboards/" + dashboard).json()
                .path("public_url_expires_at").asString())).as("when the new link ends")
                .isEqualTo(java.time.OffsetDateTime.parse(ends));

        assertThat(api.delete("/api/dashboards/" + dashboard + "/share").status()).isEqualTo(200);
        assertThat(api.get("/api/dashboards/" + dashboard).json().has("api_key")).as("revoked").isFalse();
    }

    @Test
    void revokingOrExpiringEndsTheLinkAtOnce() throws Exception {
        Api api = owner.api();
        long query = query(api, "SELECT 1 AS n", "[]");
        long dashboard = dashboard(api, Map.of());
        long widget = widget(api, dashboard, viz(api, query, "TABLE", Map.of()), null, 0, 0, 6, 4);
        String token = share(api, dashboard);
        assertThat(get("/public/dashboards/" + token, null).statusCode()).isEqualTo(200);
        String results = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results";
        assertThat(anonymous().get("/api/dashboards/public/" + token).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(results, null).statusCode() == 200);
        assertThat(get(results, null).statusCode()).as("viewed just before the revoke, so the server holds it")
                .isEqualTo(200);

        assertThat(api.delete("/api/dashboards/" + dashboard + "/share").status()).isEqualTo(200);
        var page = get("/public/dashboards/" + token, null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This link is no longer valid");
        assertThat(anonymous().get("/api/dashboards/public/" + token).message()).isEqualTo("This link is no longer valid");
        assertThat(get("/api/dashboards/public/" + token + "/widgets/" + widget + "/results", null).statusCode())
                .isEqualTo(404);

        String second = share(api, dashboard);
        assertThat(anonymous().get("/api/dashboards/public/" + second).status()).isEqualTo(200);
        String third = share(api, dashboard);
        assertThat(anonymous().get("/api/dashboards/public/" + second).status()).as("a new link ends the old")
                .isEqualTo(404);
        assertThat(anonymous().get("/api/dashboards/public/" + third).status()).isEqualTo(200);

        var expiring = api.post("/api/dashboards/" + dashboard + "/share",
                Map.of("expires_at", OffsetDateTime.now().plusSeconds(2).toString()));
        assertThat(expiring.status()).as(expiring.toString()).isEqualTo(200);
        String short_ = expiring.json().path("api_key").asString();
        assertThat(anonymous().get("/api/dashboards/public/" + short_).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous().get("/api/dashboards/public/" + short_).status() == 404);
        assertThat(get("/public/dashboards/" + short_, null).body()).contains("This link is no longer valid");
    }

    @Test
    void badRequestsNameTheFieldOrTheQueries() {
        Api api = owner.api();
        long safe = query(api, "SELECT 1 AS n", "[]");
        long unsafe = query(api, "SELECT '{{ region }}' AS region", """
                [{"name": "region", "title": "Region", "type": "text", "value": "EMEA"}]""");
        long dashboard = dashboard(api, Map.of());
        widget(api, dashboard, viz(api, safe, "TABLE", Map.of()), null, 0, 0, 6, 4);
        widget(api, dashboard, viz(api, unsafe, "TABLE", Map.of()), null, 6, 0, 6, 4);
        String unsafeName = api.get("/api/queries/" + unsafe).json().path("name").asString();

        var refused = api.post("/api/dashboards/" + dashboard + "/share", Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.message()).contains(unsafeName, "id " + unsafe, "text parameters");

        long other = dashboard(api, Map.of());
        var past = api.post("/api/dashboards/" + other + "/share", Map.of("expires_at", "2001-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.message()).contains("'expires_at'", "not in the future");
        var garbage = api.post("/api/dashboards/" + other + "/share", Map.of("expires_at", "tomorrow"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.message()).contains("'expires_at'");
        assertThat(api.post("/api/dashboards/" + other + "/share", Map.of("expires_at", 5)).message())
                .contains("'expires_at'");
        assertThat(api.post("/api/dashboards/999999999/share", Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/dashboards/not-a-number/share", Map.of()).status()).isEqualTo(400);
        assertThat(anonymous().get("/api/dashboards/public/" + "x".repeat(65)).status()).isEqualTo(404);
        String token = share(api, other);
        assertThat(anonymous().get("/api/dashboards/public/" + token + "/widgets/abc/results").status())
                .isEqualTo(400);

        Member colleague = fixtures.user("Colleague");
        fixtures.grant(colleague, dataSource, false);
        var notOwner = colleague.api().post("/api/dashboards/" + other + "/share", Map.of());
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(colleague.api().delete("/api/dashboards/" + other + "/share").status()).isEqualTo(403);
        assertThat(api().post("/api/dashboards/" + other + "/share", Map.of()).status()).as("an admin may")
                .isEqualTo(200);
    }

    @Test
    void shareAndEmbedReadTheirBodiesAlikeAndAnArchivedDashboardIsNotEmbedded() {
        Api api = owner.api();
        long dashboard = dashboard(api, Map.of());
        for (String action : List.of("share", "embed")) {
            String path = "/api/dashboards/" + dashboard + "/" + action;
            if (action.equals("embed")) {
                share(api, dashboard);
            }
            var notObject = api.post(path, "[1]");
            assertThat(notObject.status()).as(action).isEqualTo(400);
            assertThat(notObject.message()).as(action).contains("JSON object", "expires_at");
            var number = api.post(path, Map.of("expires_at", 5));
            assertThat(number.status()).as(action).isEqualTo(400);
            assertThat(number.message()).as(action).contains("'expires_at' must be a text");
            var blank = api.post(path, Map.of("expires_at", " "));
            assertThat(blank.status()).as(action + ": " + blank).isEqualTo(200);
            assertThat(blank.json().path("expires_at").isNull()).as(action + ": blank is no expiry, or the default")
                    .isEqualTo(action.equals("share"));
        }
        assertThat(api.delete("/api/dashboards/" + dashboard).status()).isEqualTo(200);
        var archived = api.post("/api/dashboards/" + dashboard + "/embed", Map.of());
        assertThat(archived.status()).as(archived.toString()).isEqualTo(400);
        assertThat(archived.message()).contains("archived");
    }

    @Test
    void thePageAndEverythingItLoadsCarryStrictHeaders() throws Exception {
        Api api = owner.api();
        long dashboard = dashboard(api, Map.of());
        String token = share(api, dashboard);
        for (String path : List.of("/public/dashboards/" + token, "/public/dashboards/nope", "/viewer/viewer.js",
                "/viewer/viewer-maps.js", "/viewer/viewer-clusters.js", "/viewer/viewer-pivot.js",
                "/viewer/viewer-tables.js", "/viewer/viewer-flows.js",
                "/viewer/maps/countries.geojson",
                "/viewer/viewer.css", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/dashboards/public/" + token)) {
            var response = get(path, null);
            assertThat(response.statusCode()).as(path).isIn(200, 404);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).headers().firstValue("Cache-Control")
                .orElse("")).as("the versioned library is fetched once").contains("max-age=31536000", "immutable");
        assertThat(get("/viewer/viewer.js", null).headers().firstValue("Cache-Control").orElse(""))
                .contains("no-cache");
        String html = get("/public/dashboards/" + token, null).body();
        assertThat(html).doesNotContain("<script>").doesNotContain("http://").doesNotContain("https://");
        assertThat(get("/viewer/viewer.js", null).headers().firstValue("Content-Type").orElse(""))
                .contains("javascript");
    }

    private static void assertNothingSecret(String body, Member owner) {
        assertThat(body).doesNotContain("secret_marker_col = ").doesNotContain("SELECT").doesNotContain("@")
                .doesNotContain("data_source").doesNotContain("jdbc").doesNotContain(owner.name())
                .doesNotContain("api_key");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String share(Api api, long dashboard) {
        var shared = api.post("/api/dashboards/" + dashboard + "/share", Map.of());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        return shared.json().path("api_key").asString();
    }

    private long query(Api api, String sql, String parameters) {
        var created = api.post("/api/queries", "{\"data_source_id\":" + dataSource + ",\"name\":\""
                + AccessFixtures.unique("shared query") + "\",\"query\":" + Api.JSON.writeValueAsString(sql)
                + ",\"options\":{\"parameters\":" + parameters + "}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static long viz(Api api, long query, String type, Map<String, Object> options) {
        var created = api.post("/api/visualizations", Map.of("query_id", query, "type", type, "name", type,
                "options", options));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static long dashboard(Api api, Map<String, Object> options) {
        var created = api.post("/api/dashboards", Map.of("name", AccessFixtures.unique("Shared")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        if (!options.isEmpty()) {
            assertThat(api.post("/api/dashboards/" + id, Map.of("options", options)).status()).isEqualTo(200);
        }
        return id;
    }

    private static long widget(Api api, long dashboard, long viz, int col, int row, Map<String, Object> mappings) {
        var created = api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz, "width", 1,
                "options", Map.of("position", Map.of("col", col, "row", row, "sizeX", 6, "sizeY", 6),
                        "parameterMappings", mappings)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static long widget(Api api, long dashboard, Long viz, String text, int col, int row, int sizeX, int sizeY) {
        var body = new java.util.HashMap<String, Object>();
        body.put("dashboard_id", dashboard);
        body.put("visualization_id", viz);
        body.put("text", text);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", row, "sizeX", sizeX, "sizeY", sizeY)));
        var created = api.post("/api/widgets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
