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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A shared dashboard with a funnel, a details view and a cohort opened in headless Chromium: the funnel's bars as
 * wide as the API's shares with its percent texts, the details view paging to the second record, and the cohort's
 * cells with the API's texts and fills; box plots, a heatmap in the API's fills and a chart's right axis. Leaves
 * {@code target/screenshots/shared-funnel-cohort.png} and {@code shared-box-heatmap.png}.
 */
class SharedVisualizationsBrowserTest extends BrowserServerTest {

    private static final String STEPS = "SELECT * FROM (VALUES ('Visited the shop', 12480),"
            + " ('Viewed a product', 7310), ('Added to cart', 2954), ('Checked out', 1420), ('Paid', 1186))"
            + " AS t(step, people)";

    @Test
    void aSharedFunnelDetailsAndCohortShowWhatTheApiAnswered() throws Exception {
        Api admin = api();
        long source = h2Source(admin, "funnel");
        long steps = query(admin, source, "Checkout steps", STEPS);
        long retention = query(admin, source, "Weekly retention", retentionSql());
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Shop conversion")));
        long funnel = widget(admin, dashboard, viz(admin, steps, "FUNNEL", "Checkout funnel", Map.of(
                "stepCol", Map.of("colName", "step", "displayAs", "Step"),
                "valueCol", Map.of("colName", "people", "displayAs", "People"))), 0, 0, 7, 6);
        long details = widget(admin, dashboard, viz(admin, steps, "DETAILS", "Step details", Map.of()), 7, 0, 5, 6);
        long cohort = widget(admin, dashboard, viz(admin, retention, "COHORT", "Weekly retention", Map.of(
                "dateColumn", "week", "stageColumn", "week_number", "totalColumn", "signed_up",
                "valueColumn", "active", "timeInterval", "weekly", "stageColumnTitle", "Week {{ @ }}")), 0, 6, 12, 7);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();
        String token = shared.path("api_key").asString();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 3
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();

        JsonNode answeredFunnel = answer(token, funnel).path("funnel").path("steps");
        List<WebElement> funnelRows = box(funnel).findElements(By.cssSelector("table.funnel tbody tr"));
        assertThat(funnelRows).hasSize(5);
        for (int i = 0; i < funnelRows.size(); i++) {
            JsonNode step = answeredFunnel.get(i);
            WebElement row = funnelRows.get(i);
            assertThat(row.findElement(By.cssSelector("td.step")).getText()).isEqualTo(step.path("step").asString());
            List<WebElement> bars = row.findElements(By.cssSelector("td.bar-cell"));
            assertThat(bars.get(0).getText()).isEqualTo(step.path("value_text").asString());
            assertThat(share(bars.get(0))).as("the value bar of " + step.path("step").asString())
                    .isCloseTo(step.path("value").asDouble() / 12480, within(0.01));
            assertThat(row.findElement(By.cssSelector("td.percent-max")).getText())
                    .isEqualTo(step.path("percent_max_text").asString());
            assertThat(bars.get(1).getText()).isEqualTo(step.path("percent_previous_text").asString());
            assertThat(share(bars.get(1))).isCloseTo(step.path("previous_share").asDouble(), within(0.01));
        }
        assertThat(funnelRows.get(4).findElement(By.cssSelector("td.percent-max")).getText())
                .as("1,186 of 12,480").isEqualTo("9.5%");
        assertThat(funnelRows.get(4).findElements(By.cssSelector("td.bar-cell")).get(1).getText())
                .as("1,186 of 1,420").isEqualTo("83.52%");

        JsonNode answeredDetails = answer(token, details).path("details");
        WebElement detailsBox = box(details);
        assertThat(detailsBox.findElement(By.cssSelector(".pager .position")).getText()).isEqualTo("Record 1 of 5");
        assertThat(detailsBox.findElement(By.cssSelector(".pager .previous")).isEnabled()).isFalse();
        detailsBox.findElement(By.cssSelector(".pager .next")).click();
        assertThat(detailsBox.findElement(By.cssSelector(".pager .position")).getText()).isEqualTo("Record 2 of 5");
        assertThat(detailsBox.findElements(By.cssSelector("table.details tr")).stream()
                .map(r -> r.findElement(By.tagName("th")).getText() + ": " + r.findElement(By.tagName("td")).getText())
                .toList()).containsExactly("step: Viewed a product", "people: " + answeredDetails.path("cells").get(1)
                        .get(1).asString());

        JsonNode answeredCohort = answer(token, cohort).path("cohort");
        int answeredCells = answeredCohort.path("rows").valueStream().mapToInt(r -> r.path("cells").size()).sum();
        WebElement cohortBox = box(cohort);
        assertThat(cohortBox.findElements(By.cssSelector("table.cohort td.stage"))).hasSize(answeredCells)
                .hasSize(6 * 6);
        WebElement cell = cohortBox.findElements(By.cssSelector("table.cohort tbody tr")).get(1)
                .findElements(By.cssSelector("td.stage")).get(0);
        JsonNode expected = answeredCohort.path("rows").get(1).path("cells").get(0);
        assertThat(cell.getText()).isEqualTo(expected.path("text").asString()).isEqualTo("55.00%");
        assertThat(rgb(cell, "backgroundColor")).isEqualTo(expected.path("color").asString());
        assertThat(rgb(cell, "color")).isEqualTo(expected.path("text_color").asString());
        assertThat(cohortBox.findElements(By.cssSelector("table.cohort thead th")).stream().map(WebElement::getText)
                .toList()).startsWith("Time", "Users", "Week 1");
        HeadlessChromium.screenshot(browser, "shared-funnel-cohort.png");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(rgb(cell, "backgroundColor")).as("the scale's own colours in the dark theme too")
                .isEqualTo(expected.path("color").asString());
        HeadlessChromium.screenshot(browser, "shared-funnel-cohort-dark.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    @Test
    void aSharedBoxPlotHeatmapAndRightAxisAreDrawnFromTheApisAnswer() throws Exception {
        Api admin = api();
        long source = h2Source(admin, "charts");
        long amounts = query(admin, source, "Order values", "SELECT * FROM (VALUES ('EMEA', 12), ('EMEA', 18),"
                + " ('EMEA', 21), ('EMEA', 25), ('EMEA', 90), ('APAC', 8), ('APAC', 14), ('APAC', 16), ('APAC', 30))"
                + " AS t(region, order_value)");
        long visits = query(admin, source, "Visits", "SELECT * FROM (VALUES ('Mon', 9, 10), ('Mon', 10, 20),"
                + " ('Tue', 9, 30), ('Tue', 10, 5)) AS t(weekday, slot, visits)");
        long measures = query(admin, source, "Revenue and orders", "SELECT * FROM (VALUES ('Jan', 1000, 12),"
                + " ('Feb', 1500, 20), ('Mar', 1300, 17)) AS t(mon, revenue, orders)");
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Charts")));
        long box = widget(admin, dashboard, viz(admin, amounts, "CHART", "Order values by region", Map.of(
                "globalSeriesType", "box", "columnMapping", Map.of("region", "x", "order_value", "y"))), 0, 0, 4, 7);
        long heatmap = widget(admin, dashboard, viz(admin, visits, "CHART", "Visits by hour", Map.of(
                "globalSeriesType", "heatmap", "showDataLabels", true,
                "columnMapping", Map.of("weekday", "x", "slot", "y", "visits", "zVal"))), 4, 0, 4, 7);
        long twoAxes = widget(admin, dashboard, viz(admin, measures, "CHART", "Revenue and orders", Map.of(
                "globalSeriesType", "column", "columnMapping", Map.of("mon", "x", "revenue", "y", "orders", "y"),
                "seriesOptions", Map.of("orders", Map.of("type", "line", "yAxis", 1)),
                "yAxis", List.of(Map.of("type", "linear", "title", Map.of("text", "Revenue")),
                        Map.of("type", "linear", "opposite", true, "title", Map.of("text", "Orders"),
                                "rangeMin", 0, "rangeMax", 40)))), 8, 0, 4, 7);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();
        String token = shared.path("api_key").asString();

        browser.manage().window().setSize(new Dimension(1280, 480));
        browser.get(shared.path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 3
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();

        JsonNode answeredBoxes = answer(token, box).path("chart").path("box");
        WebElement boxChart = box(box).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Object> drawnBoxes = (List<Object>) browser.executeScript("var o = echarts.getInstanceByDom(arguments[0])"
                + ".getOption(); return o.series.map(function (s) { return s.type + ' ' + s.data.map(function (d) {"
                + " return d.map(function (v) { return typeof v === 'string' ? v : Number(v); }).join('/');"
                + " }).join(' '); });", boxChart);
        String expectedBoxes = "boxplot " + String.join(" ", answeredBoxes.path("series").get(0).path("boxes")
                .valueStream().map(b -> String.join("/", b.path("box").valueStream().map(v -> number(v.asDouble()))
                        .toList())).toList());
        assertThat(drawnBoxes.get(0)).isEqualTo(expectedBoxes).isEqualTo("boxplot 8/12.5/15/19.5/30 12/18/21/25/25");
        assertThat(drawnBoxes.get(1)).as("EMEA's 90 beyond its whisker").isEqualTo("scatter EMEA/90");

        JsonNode answeredHeat = answer(token, heatmap).path("chart").path("heatmap");
        WebElement heatChart = box(heatmap).findElement(By.cssSelector(".chart"));
        for (JsonNode cell : answeredHeat.path("cells")) {
            String seen = (String) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                    + " var p = c.convertToPixel({seriesIndex: 0}, [arguments[1], arguments[2]]);"
                    + " var canvas = arguments[0].querySelector('canvas'); var r = canvas.width / canvas.clientWidth;"
                    + " var d = canvas.getContext('2d').getImageData(Math.round(p[0] * r),"
                    + " Math.round((p[1] - 12) * r), 1, 1).data;"
                    + " return '#' + [d[0], d[1], d[2]].map(function (v) { return (v < 16 ? '0' : '') + v.toString(16); })"
                    + ".join('');", heatChart, cell.get(0).asInt(), cell.get(1).asInt());
            assertThat(seen).as("the fill of " + answeredHeat.path("xs").get(cell.get(0).asInt()).asString() + " at "
                    + answeredHeat.path("ys").get(cell.get(1).asInt()).asString()).isEqualTo(cell.get(3).asString());
        }

        WebElement axesChart = box(twoAxes).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Object> axes = (List<Object>) browser.executeScript("var o = echarts.getInstanceByDom(arguments[0])"
                + ".getOption(); return o.yAxis.map(function (a) { return a.name + ' ' + a.max; })"
                + ".concat(o.series.map(function (s) { return s.name + ' ' + s.type + ' ' + s.yAxisIndex; }));",
                axesChart);
        // the left axis unsaved: its range from the server's ticks, 0 to 1,500 (the largest revenue) by 500
        assertThat(axes).containsExactly("Revenue 1500", "Orders 40", "revenue bar 0", "orders line 1");
        @SuppressWarnings("unchecked")
        List<Number> orderAt = (List<Number>) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                + " return [0, 20, 40].map(function (v) { return c.convertToPixel({yAxisIndex: 1}, v); });",
                axesChart);
        double bottom = orderAt.get(0).doubleValue();
        double middle = orderAt.get(1).doubleValue();
        double top = orderAt.get(2).doubleValue();
        assertThat(bottom - top).as("the right axis spans its saved 0 to 40").isPositive();
        assertThat(bottom - middle).as("20 orders half way up").isCloseTo((bottom - top) / 2, within(1.0));
        HeadlessChromium.screenshot(browser, "shared-box-heatmap.png");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    @Test
    void aSharedTablesLinksOpenInANewTabAndOnlyWebAddressesBecomeLinks() throws Exception {
        Api admin = api();
        long source = h2Source(admin, "links");
        long stores = query(admin, source, "Stores", "SELECT * FROM (VALUES ('Lisbon', 'LIS'), ('Oslo', 'OSL'))"
                + " AS t(city, code)");
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Store pages")));
        long table = widget(admin, dashboard, viz(admin, stores, "TABLE", "Store pages", Map.of("columns", List.of(
                Map.of("name", "city", "title", "City", "displayAs", "link",
                        "linkUrlTemplate", "javascript:alert('{{ @ }}')"),
                Map.of("name", "code", "title", "Page", "displayAs", "link",
                        "linkUrlTemplate", "https://stores.example.com/{{ @ }}?city={{ city }}",
                        "linkTextTemplate", "{{ city }} page", "linkTitleTemplate", "Open {{ city }}")))),
                0, 0, 6, 5);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.get(shared.path("public_url").asString());
        wait.until(b -> !b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).isEmpty());
        JsonNode answered = answer(shared.path("api_key").asString(), table).path("table");
        assertThat(answered.path("links").path(0).path(0).isNull()).as("a javascript: URL is no link: " + answered)
                .isTrue();
        assertThat(answered.path("links").path(0).path(1).path("url").asString())
                .isEqualTo("https://stores.example.com/LIS?city=Lisbon");
        List<WebElement> links = box(table).findElements(By.cssSelector("td a.table-link"));
        assertThat(links).extracting(WebElement::getText).containsExactly("Lisbon page", "Oslo page");
        assertThat(links.get(1).getAttribute("href")).isEqualTo("https://stores.example.com/OSL?city=Oslo");
        assertThat(links.get(1).getAttribute("target")).isEqualTo("_blank");
        assertThat(links.get(1).getAttribute("rel")).contains("noopener").contains("noreferrer");
        assertThat(links.get(1).getAttribute("title")).isEqualTo("Open Oslo");
        assertThat(box(table).findElements(By.cssSelector("tbody tr")).get(0).findElements(By.tagName("td")).get(0)
                .getText()).as("the city shown as text").isEqualTo("Lisbon");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    @Test
    void aSharedTablesCellsAndRowsTakeTheColoursTheirRulesDecide() throws Exception {
        Api admin = api();
        long source = h2Source(admin, "colours");
        long stores = query(admin, source, "Store revenue", "SELECT * FROM (VALUES ('Lisbon', 1200), ('Oslo', 80),"
                + " ('Porto', 15000)) AS t(city, revenue)");
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Store colours")));
        long table = widget(admin, dashboard, viz(admin, stores, "TABLE", "Store colours", Map.of("sightline",
                Map.of("cellColors", List.of(
                        Map.of("column", "revenue", "op", ">", "value", 10000, "color", "#1f3a93",
                                "highlightRow", true),
                        Map.of("column", "revenue", "op", "<", "value", 100, "color", "#f8d7da"),
                        Map.of("column", "city", "op", "=", "value", "x", "color", "red;background:url(x)"),
                        Map.of("column", "revenue", "op", "range", "color", "#000000"))))),
                0, 0, 6, 5);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.get(shared.path("public_url").asString());
        wait.until(b -> !b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).isEmpty());
        JsonNode answered = answer(shared.path("api_key").asString(), table).path("table");
        assertThat(answered.path("colors").path(0).path(0).isNull()).as("Lisbon's city: no rule matches").isTrue();
        assertThat(answered.path("colors").path(0).path(1).path("background").asString())
                .as("1,200 on the range from 80 (white) to 15,000 (black)").isEqualTo("#ececec");
        assertThat(answered.path("colors").path(1).path(1).path("background").asString()).isEqualTo("#f8d7da");
        assertThat(answered.path("colors").path(1).path(0).isNull()).as("Oslo's city is not coloured").isTrue();
        assertThat(answered.path("colors").path(2).path(0).path("text").asString()).as("white on navy")
                .isEqualTo("#ffffff");
        List<WebElement> rows = box(table).findElements(By.cssSelector("tbody tr"));
        assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getCssValue("background-color"))
                .as("Lisbon's city keeps the page's background").isEqualTo("rgba(0, 0, 0, 0)");
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getCssValue("background-color"))
                .isEqualTo("rgba(236, 236, 236, 1)");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(1).getCssValue("background-color"))
                .isEqualTo("rgba(248, 215, 218, 1)");
        assertThat(rows.get(2).findElements(By.tagName("td"))).as("Porto's whole row")
                .allSatisfy(td -> {
                    assertThat(td.getCssValue("background-color")).isEqualTo("rgba(31, 58, 147, 1)");
                    assertThat(td.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
                });
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    private static String retentionSql() {
        double[] kept = {0.62, 0.48, 0.37, 0.30, 0.26};
        int[] sizes = {1000, 1200, 950, 1400, 1310, 1500};
        List<String> rows = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 9, 7);
        for (int c = 0; c < sizes.length; c++) {
            for (int w = 1; w <= sizes.length - c; w++) {
                double share = kept[Math.min(w - 1, kept.length - 1)] * (c == 1 && w == 1 ? 0.887 : 1)
                        * (w == 6 ? 0.85 : 1);
                rows.add("(DATE '" + monday.plusWeeks(c) + "', " + w + ", " + sizes[c] + ", "
                        + Math.round(sizes[c] * share) + ")");
            }
        }
        return "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS t(week, week_number, signed_up, active)";
    }

    /** A number as JavaScript writes it. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A bar's width as a share of its cell's. */
    private double share(WebElement cell) {
        Object share = browser.executeScript("var bar = arguments[0].querySelector('.bar');"
                + " return bar.getBoundingClientRect().width / arguments[0].clientWidth;", cell);
        return ((Number) share).doubleValue();
    }

    /** A computed colour of an element as {@code #rrggbb}. */
    private String rgb(WebElement element, String property) {
        return (String) browser.executeScript("var c = getComputedStyle(arguments[0])[arguments[1]]"
                + ".match(/\\d+/g).slice(0, 3).map(Number);"
                + " return '#' + c.map(function (v) { return (v < 16 ? '0' : '') + v.toString(16); }).join('');",
                element, property);
    }

    private JsonNode answer(String token, long widget) {
        return anonymous().get("/api/dashboards/public/" + token + "/widgets/" + widget + "/results").json();
    }

    private WebElement box(long widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget + "']"));
    }

    /** A data source of its own: an in-memory H2 database named after {@code name}. */
    private static long h2Source(Api admin, String name) {
        return new DataSourceFixtures(admin).h2("jdbc:h2:mem:" + AccessFixtures.unique(name).replace('-', '_')
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
    }
}
