package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * The shared page's maps under the pointer, in a real headless Chromium: a marker map with "cluster markers" on
 * draws bubbles that count every row and split when clicked, and a country or a lone store clicked drills through
 * to the target dashboard's own shared page with its country applied.
 */
class SharedMapBrowserTest extends BrowserServerTest {

    @Test
    void storesMergeIntoBubblesThatCountEveryRowAndSplitWhenClickedWhileALoneStoreDrillsThrough() throws Exception {
        Api admin = api();
        Detail detail = countryDetail(admin);
        long viz = created(admin.post("/api/visualizations", Map.of("query_id", demoQuery(admin,
                "sales__store_locations__v1"), "type", "MAP", "name", "Stores", "options", Map.of(
                "latColName", "latitude", "lonColName", "longitude", "clusterMarkers", true,
                "tooltip", Map.of("enabled", true, "template", "{{ name }}, {{ country }}"),
                "sightline", drillThrough(detail)))));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Stores " + System.nanoTime())));
        long widget = widget(admin, dashboard, viz, 12, Map.of());
        JsonNode shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        WebElement chart = ready(widget).findElement(By.cssSelector(".chart.map"));
        JsonNode answer = anonymous().get("/api/dashboards/public/" + shared.path("api_key").asString() + "/widgets/"
                + widget + "/results").json();
        int rows = answer.path("rows").size();
        assertThat(answer.path("map").path("points").size()).as("a store per row").isEqualTo(rows).isGreaterThan(100);
        Drawn world = drawn(chart);
        assertThat(world.bubbles()).as("bubbles at the world's zoom").isNotEmpty()
                .allSatisfy(b -> assertThat(b.count()).isGreaterThan(1));
        assertThat(world.total()).as("the bubbles' counts and the stores alone").isEqualTo(rows);
        Bubble biggest = world.bubbles().stream().max((a, b) -> Integer.compare(a.count(), b.count())).orElseThrow();
        String group = answer.path("map").path("groups").get(0).path("color").asString();
        new Actions(browser).moveToElement(browser.findElement(By.id("title"))).perform();
        HeadlessChromium.screenshot(browser, "shared-map-clusters.png");
        String seen = pixel(chart, biggest.x(), biggest.y() - 8);
        assertThat(near(seen, group, 40)).as("the bubble of " + biggest.count() + " at " + biggest + " drawn in its"
                + " group's colour " + group + ", not " + seen).isTrue();

        click(chart, biggest.x(), biggest.y());
        wait.until(b -> drawn(chart).items() > world.items());
        Drawn closer = drawn(chart);
        assertThat(closer.total()).as("every store still counted once").isEqualTo(rows);
        assertThat(browser.getCurrentUrl()).as("a bubble zooms, it does not drill through")
                .isEqualTo(shared.path("public_url").asString());
        new Actions(browser).moveToElement(browser.findElement(By.id("title"))).perform();
        HeadlessChromium.screenshot(browser, "shared-map-clusters-zoomed.png");

        Single alone = closer.loneSingle(chart.getSize());
        String country = answer.path("rows").get(answer.path("map").path("points").get(alone.point()).path("row")
                .asInt()).path("country").asString();
        click(chart, alone.x(), alone.y() - 14); // a pin's head, above its tip
        assertDetailShows(detail, country);
        admin.delete("/api/dashboards/" + detail.id() + "/share");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    @Test
    void aCountryClickedOpensTheSharedDetailDashboardWithThatCountry() throws Exception {
        Api admin = api();
        Detail detail = countryDetail(admin);
        long viz = created(admin.post("/api/visualizations", Map.of("query_id", demoQuery(admin,
                "sales__revenue_by_country__v1"), "type", "CHOROPLETH", "name", "Revenue", "options", Map.of(
                "mapType", "countries", "keyColumn", "country", "targetField", "iso_a3", "valueColumn", "revenue",
                "sightline", drillThrough(detail)))));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Countries " + System.nanoTime())));
        long widget = widget(admin, dashboard, viz, 12, Map.of());
        JsonNode shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        WebElement chart = ready(widget).findElement(By.cssSelector(".chart.map"));
        @SuppressWarnings("unchecked")
        List<Number> brazil = (List<Number>) browser.executeScript("return echarts.getInstanceByDom(arguments[0])"
                + ".convertToPixel({seriesIndex: 0}, [-50, -10]);", chart);
        click(chart, brazil.get(0).doubleValue(), brazil.get(1).doubleValue());
        assertDetailShows(detail, "BRA");
        admin.delete("/api/dashboards/" + detail.id() + "/share");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    @Test
    void bubblesAreCirclesWhoseAreaFollowsTheSizeColumnWithALegendOfSizes() throws Exception {
        Api admin = api();
        long viz = created(admin.post("/api/visualizations", Map.of("query_id", demoQuery(admin,
                "sales__store_locations__v1"), "type", "MAP", "name", "Store bubbles", "options", Map.of(
                "latColName", "latitude", "lonColName", "longitude", "clusterMarkers", true,
                "sightline", Map.of("bubble", Map.of("sizeColumn", "store_id", "maxRadius", 24))))));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Bubbles " + System.nanoTime())));
        long widget = widget(admin, dashboard, viz, 12, Map.of());
        JsonNode shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        WebElement box = ready(widget);
        WebElement chart = box.findElement(By.cssSelector(".chart.map"));
        JsonNode answer = anonymous().get("/api/dashboards/public/" + shared.path("api_key").asString() + "/widgets/"
                + widget + "/results").json();
        @SuppressWarnings("unchecked")
        List<List<Number>> sizes = (List<List<Number>>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var s = c.getOption().series;"
                        + " return s[0].data.map(function (d) { var p = c.convertToPixel({geoIndex: 0}, d.value);"
                        + " return [d.symbolSize, p[0], p[1]]; }).concat([[s[1].data.length, 0, 0]]);", chart);
        int rows = answer.path("rows").size();
        assertThat(sizes).as("a bubble per store, none clustered").hasSize(rows + 1);
        assertThat(sizes.get(rows).get(0).intValue()).as("no cluster bubbles").isZero();
        double largest = sizes.get(0).get(0).doubleValue();
        double smallest = sizes.get(rows - 1).get(0).doubleValue();
        assertThat(largest).as("the largest store number: twice the largest radius").isEqualTo(48.0);
        assertThat(smallest / largest).as("store 1 of " + rows + ": its diameter by the square root of its share")
                .isCloseTo(Math.sqrt(1.0 / rows), org.assertj.core.data.Offset.offset(0.01));
        new Actions(browser).moveToElement(browser.findElement(By.id("title"))).perform();
        List<Number> first = sizes.get(0);
        String seen = pixel(chart, first.get(1).doubleValue(), first.get(2).doubleValue());
        int blueOverRed = Integer.parseInt(seen.substring(5, 7), 16) - Integer.parseInt(seen.substring(1, 3), 16);
        assertThat(blueOverRed).as("the largest bubble in the marker blue " + answer.path("map").path("pin")
                .path("fill").asString() + " at 0.6, not " + seen).isGreaterThan(60);
        assertThat(box.findElements(By.cssSelector(".map-legend .bubble"))).as("a legend of three sizes").hasSize(3);
        assertThat(box.findElement(By.cssSelector(".map-legend")).getText()).contains("store_id",
                String.valueOf(rows));
        HeadlessChromium.screenshot(browser, "shared-map-bubbles.png");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    /** A shared dashboard of one table: the top products of the country in its {@code country} parameter. */
    private record Detail(long id, String token, long widget) {
    }

    private Detail countryDetail(Api admin) throws IOException {
        long demo = admin.get("/api/data_sources").json().valueStream()
                .filter(d -> d.path("name").asString().equals("Demo sales")).findFirst().orElseThrow().path("id").asLong();
        long query = created(admin.post("/api/queries", Map.of("data_source_id", demo, "name", "Top products of "
                + "a country " + System.nanoTime(), "query", """
                SELECT country, product, SUM(amount) AS revenue FROM sales.fact_transactions
                WHERE country = '{{ country }}' GROUP BY country, product ORDER BY revenue DESC, product LIMIT 5""",
                "options", Map.of("parameters", List.of(Map.of("name", "country", "title", "Country", "type", "enum",
                        "value", "USA", "enumOptions", demoCountries()))))));
        long table = created(admin.post("/api/visualizations", Map.of("query_id", query, "type", "TABLE",
                "name", "Top products", "options", Map.of())));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Country " + System.nanoTime())));
        Map<String, Object> mapping = new HashMap<>(Map.of("name", "country", "type", "dashboard-level",
                "mapTo", "country", "title", "Country"));
        mapping.put("value", null);
        long widget = widget(admin, dashboard, table, 12, Map.of("country", mapping));
        String token = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json().path("api_key")
                .asString();
        return new Detail(dashboard, token, widget);
    }

    private static Map<String, Object> drillThrough(Detail detail) {
        return Map.of("drillthrough", Map.of("dashboard", detail.id(), "parameters", Map.of("country", "country")));
    }

    /** The detail page opened with the country: its table shows that country's products as the API answers. */
    private void assertDetailShows(Detail detail, String country) {
        wait.until(b -> b.getCurrentUrl().contains("/public/dashboards/" + detail.token()));
        assertThat(browser.getCurrentUrl()).contains("p_country=" + country);
        WebElement table = ready(detail.widget());
        JsonNode expected = anonymous().get("/api/dashboards/public/" + detail.token() + "/widgets/" + detail.widget()
                + "/results?p_country=" + country).json();
        List<String> products = expected.path("rows").valueStream().map(r -> r.path("product").asString()).toList();
        assertThat(products).as("the API's products of " + country).isNotEmpty();
        List<List<String>> shown = table.findElements(By.cssSelector("tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(shown.stream().map(r -> r.get(0)).distinct().toList()).as("every row of " + country)
                .containsExactly(country);
        assertThat(shown.stream().map(r -> r.get(1)).toList()).isEqualTo(products);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(
                By.cssSelector("[data-parameter=country] select"))).getFirstSelectedOption().getText())
                .isEqualTo(country);
    }

    private record Bubble(double x, double y, int count) {
    }

    private record Single(double x, double y, int point) {
    }

    /** What a marker map draws: pins standing alone and bubbles, at their pixels on the chart. */
    private record Drawn(List<Single> singles, List<Bubble> bubbles) {

        int total() {
            return singles.size() + bubbles.stream().mapToInt(Bubble::count).sum();
        }

        int items() {
            return singles.size() + bubbles.size();
        }

        /** A pin well inside the view and the farthest from anything else drawn, to click without hitting others. */
        Single loneSingle(Dimension view) {
            Single best = null;
            double bestGap = -1;
            for (Single s : singles) {
                if (s.x() < 40 || s.y() < 40 || s.x() > view.getWidth() - 40 || s.y() > view.getHeight() - 20) {
                    continue;
                }
                double gap = Double.MAX_VALUE;
                for (Single o : singles) {
                    gap = o == s ? gap : Math.min(gap, Math.hypot(o.x() - s.x(), o.y() - s.y()));
                }
                for (Bubble b : bubbles) {
                    gap = Math.min(gap, Math.hypot(b.x() - s.x(), b.y() - s.y()));
                }
                if (gap > bestGap) {
                    bestGap = gap;
                    best = s;
                }
            }
            assertThat(best).as("a store drawn alone in view: " + singles).isNotNull();
            return best;
        }
    }

    @SuppressWarnings("unchecked")
    private Drawn drawn(WebElement chart) {
        Map<String, List<List<Number>>> drawn = (Map<String, List<List<Number>>>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var s = c.getOption().series;"
                        + " function at(d, n) { var p = c.convertToPixel({geoIndex: 0}, d.value); return [p[0], p[1], n]; }"
                        + " return {singles: s[0].data.map(function (d) { return at(d, d.point); }),"
                        + " bubbles: s[1].data.map(function (d) { return at(d, d.count); })};", chart);
        return new Drawn(drawn.get("singles").stream().map(p -> new Single(p.get(0).doubleValue(),
                p.get(1).doubleValue(), p.get(2).intValue())).toList(), drawn.get("bubbles").stream()
                .map(p -> new Bubble(p.get(0).doubleValue(), p.get(1).doubleValue(), p.get(2).intValue())).toList());
    }

    /** The colour drawn at a pixel of a chart, as {@code #rrggbb}. */
    private String pixel(WebElement chart, double x, double y) {
        return (String) browser.executeScript("var canvas = arguments[0].querySelector('canvas');"
                + " var ratio = canvas.width / canvas.clientWidth;"
                + " var d = canvas.getContext('2d').getImageData(Math.round(arguments[1] * ratio),"
                + " Math.round(arguments[2] * ratio), 1, 1).data;"
                + " return '#' + [d[0], d[1], d[2]].map(function (v) { return (v < 16 ? '0' : '') + v.toString(16); })"
                + ".join('');", chart, x, y);
    }

    private static boolean near(String seen, String expected, int tolerance) {
        for (int i = 1; i < 7; i += 2) {
            if (Math.abs(Integer.parseInt(seen.substring(i, i + 2), 16)
                    - Integer.parseInt(expected.substring(i, i + 2), 16)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private void click(WebElement chart, double x, double y) {
        var size = chart.getSize();
        new Actions(browser).moveToElement(chart, (int) Math.round(x) - size.getWidth() / 2,
                (int) Math.round(y) - size.getHeight() / 2).click().perform();
    }

    private WebElement ready(long widget) {
        By box = By.cssSelector(".widget[data-widget-id='" + widget + "']");
        wait.until(b -> b.findElements(box).stream().anyMatch(e -> !"loading".equals(e.getDomAttribute("data-state"))));
        WebElement found = browser.findElement(box);
        assertThat(found.getDomAttribute("data-state")).as(found.getText()).isEqualTo("ready");
        return found;
    }

    private static String demoCountries() throws IOException {
        try (InputStream csv = SharedMapBrowserTest.class.getResourceAsStream("/io/sightline/server/demo/countries.csv")) {
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")[0]).collect(Collectors.joining("\n"));
        }
    }

    private static long demoQuery(Api admin, String name) {
        return admin.get("/api/queries?q=" + name).json().path("results").valueStream().findFirst().orElseThrow()
                .path("id").asLong();
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private static long widget(Api api, long dashboard, long viz, int sizeX, Map<String, Object> mappings) {
        return created(api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz, "width", 1,
                "options", Map.of("position", Map.of("col", 0, "row", 0, "sizeX", sizeX, "sizeY", 12),
                        "parameterMappings", mappings))));
    }
}
