package io.sightline.server.share;

import static io.sightline.server.share.WidgetFixtures.created;
import static io.sightline.server.share.WidgetFixtures.query;
import static io.sightline.server.share.WidgetFixtures.viz;
import static io.sightline.server.share.WidgetFixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.HeadlessChromium;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A shared dashboard with a sankey, a sunburst and a word cloud opened in headless Chromium: the sankey's nodes and
 * links as the API answered them, its ribbons as wide as their values; the sunburst's segments spanning their share
 * of the circle in d3's square-root rings; the word cloud's words in the API's places, the most frequent the largest,
 * none overlapping. Leaves {@code target/screenshots/shared-flows.png} and {@code shared-flows-dark.png}.
 */
class SharedFlowsBrowserTest extends BrowserServerTest {

    private static final String VISITS = "SELECT * FROM (VALUES ('home', 'pricing', 'signup', 10),"
            + " ('home', 'pricing', NULL, 5), ('home', 'docs', 'signup', 3), ('blog', 'pricing', 'signup', 2),"
            + " ('search', NULL, NULL, 4)) AS t(stage1, stage2, stage3, \"value\")";
    private static final String NOTES = "SELECT * FROM (VALUES ('data query chart data dashboard data query alert'),"
            + " ('data chart query data schedule data export'), ('data query chart share data widget query'),"
            + " ('data chart query parameter filter sankey sunburst cloud'), ('viewer desktop server common cache'))"
            + " AS t(note)";

    @Test
    void aSharedSankeySunburstAndWordCloudAreDrawnFromTheApisAnswer() throws Exception {
        Api admin = api();
        long source = new DataSourceFixtures(admin).h2("jdbc:h2:mem:" + AccessFixtures.unique("flows")
                .replace('-', '_') + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
        long visits = query(admin, source, "Visits", VISITS);
        long notes = query(admin, source, "Release notes", NOTES);
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Journeys")));
        long sankey = widget(admin, dashboard, viz(admin, visits, "SANKEY", "Visit paths", Map.of()), 0, 0, 6, 8);
        long sunburst = widget(admin, dashboard, viz(admin, visits, "SUNBURST_SEQUENCE", "Visit sequences",
                Map.of()), 6, 0, 6, 8);
        long cloud = widget(admin, dashboard, viz(admin, notes, "WORD_CLOUD", "Release words",
                Map.of("column", "note")), 0, 8, 12, 7);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();
        String token = shared.path("api_key").asString();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 3
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();

        JsonNode answeredSankey = answer(token, sankey).path("sankey");
        assertThat(answeredSankey.path("nodes").valueStream().map(n -> n.path("name").asString()).toList())
                .containsExactly("home", "pricing", "signup", "docs", "blog", "search");
        assertThat(answeredSankey.path("links")).hasSize(5);
        WebElement sankeyChart = box(sankey).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var o = c.getOption().series[0];"
                + " var g = c.getModel().getSeriesByIndex(0).getGraph(); var widths = {};"
                + " g.edges.forEach(function (e) { widths[e.node1.id + '>' + e.node2.id] = e.getLayout().dy; });"
                + " return {nodes: o.data.length, links: o.links.length, widths: widths};", sankeyChart);
        assertThat(((Number) drawn.get("nodes")).intValue()).isEqualTo(6);
        assertThat(((Number) drawn.get("links")).intValue()).as("links into Exit are not drawn").isEqualTo(5);
        Map<String, Number> widths = widths(drawn, answeredSankey);
        assertThat(widths.get("home>pricing").doubleValue() / widths.get("blog>pricing").doubleValue())
                .isCloseTo(15 / 2.0, within(0.01));

        JsonNode answeredSunburst = answer(token, sunburst).path("sunburst");
        assertThat(answeredSunburst.path("total").asLong()).isEqualTo(24);
        WebElement sunburstChart = box(sunburst).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> sectors = (Map<String, List<Number>>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var d = c.getModel().getSeriesByIndex(0).getData();"
                + " var out = {}; for (var i = 0; i < d.count(); i++) { var l = d.getItemLayout(i);"
                + " var n = d.tree.getNodeByDataIndex(i); if (!l || n.depth === 0) { continue; }"
                + " var path = n.getAncestors(true).filter(function (a) { return a.depth > 0; })"
                + ".map(function (a) { return a.name; }).join('>');"
                + " out[path] = [Math.abs(l.endAngle - l.startAngle) * 180 / Math.PI, l.r0, l.r]; } return out;",
                sunburstChart);
        assertThat(sectors.keySet()).containsExactlyInAnyOrder("home", "home>pricing", "home>pricing>signup",
                "home>docs", "home>docs>signup", "search", "blog", "blog>pricing", "blog>pricing>signup");
        assertThat(sectors.get("home").get(0).doubleValue()).as("18 of 24").isCloseTo(270, within(0.01));
        assertThat(sectors.get("home>pricing").get(0).doubleValue()).as("15 of 24").isCloseTo(225, within(0.01));
        assertThat(sectors.get("search").get(0).doubleValue()).as("4 of 24").isCloseTo(60, within(0.01));
        double r1 = sectors.get("home").get(1).doubleValue();
        double r2 = sectors.get("home>pricing").get(1).doubleValue();
        double r3 = sectors.get("home>pricing>signup").get(1).doubleValue();
        assertThat(r2 / r1).as("d3's rings: sqrt(2/4) over sqrt(1/4)").isCloseTo(Math.sqrt(2), within(0.01));
        assertThat(r3 / r1).isCloseTo(Math.sqrt(3), within(0.01));

        JsonNode answeredWords = answer(token, cloud).path("word_cloud").path("words");
        List<WebElement> words = box(cloud).findElements(By.cssSelector("svg.word-cloud text.word"));
        assertThat(words).hasSize(answeredWords.size()).hasSize(19);
        assertThat(words.get(0).getText()).isEqualTo("data");
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) browser.executeScript("return Array.prototype.map.call("
                + "arguments[0].querySelectorAll('text.word'), function (t) { var r = t.getBoundingClientRect();"
                + " return [r.left, r.top, r.right, r.bottom, parseFloat(t.getAttribute('font-size'))]; });",
                box(cloud));
        double biggest = boxes.stream().mapToDouble(b -> b.get(4).doubleValue()).max().orElse(0);
        assertThat(boxes.get(0).get(4).doubleValue()).as("the most frequent word is the largest").isEqualTo(biggest);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                List<Number> a = boxes.get(i);
                List<Number> b = boxes.get(j);
                boolean overlap = a.get(0).doubleValue() < b.get(2).doubleValue() - 0.5
                        && b.get(0).doubleValue() < a.get(2).doubleValue() - 0.5
                        && a.get(1).doubleValue() < b.get(3).doubleValue() - 0.5
                        && b.get(1).doubleValue() < a.get(3).doubleValue() - 0.5;
                assertThat(overlap).as("%s overlaps %s", words.get(i).getText(), words.get(j).getText()).isFalse();
            }
        }
        HeadlessChromium.screenshot(browser, "shared-flows.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.navigate().refresh();
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 3);
        HeadlessChromium.screenshot(browser, "shared-flows-dark.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    /** The drawn ribbons' widths by "source>target" names (ECharts knows the nodes by the API's ids). */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> widths(Map<String, Object> drawn, JsonNode answered) {
        Map<String, String> names = new HashMap<>();
        answered.path("nodes").forEach(n -> names.put(n.path("id").asString(), n.path("name").asString()));
        Map<String, Number> out = new HashMap<>();
        ((Map<String, Number>) drawn.get("widths")).forEach((ids, width) -> {
            String[] ends = ids.split(">");
            out.put(names.get(ends[0]) + ">" + names.get(ends[1]), width);
        });
        return out;
    }

    private JsonNode answer(String token, long widget) {
        return anonymous().get("/api/dashboards/public/" + token + "/widgets/" + widget + "/results").json();
    }

    private WebElement box(long widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget + "']"));
    }
}
