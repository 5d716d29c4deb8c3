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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Chart options on a shared dashboard in headless Chromium: a line and an area with swapped axes (regions up the
 * side, values along the bottom), a right axis in its own number format beside a stacked percent one, a details
 * view with its columns' titles, order, visibility and formats, Redash's deprecated BOXPLOT, and gaps in box plots
 * (an x without a box keeps its place, empty). Leaves {@code target/screenshots/shared-chart-options.png}.
 */
class SharedChartOptionsBrowserTest extends BrowserServerTest {

    /**
     * What a chart drew: each axis's tick texts, titles and types, each series' data as sent to ECharts, and per
     * data item its pixel (a box's median, null when no box is drawn; a point's place on the chart's axes).
     */
    private static final String DRAWN = "var c = echarts.getInstanceByDom(arguments[0]); var m = c.getModel();"
            + " function labels(kind, i) { var a = m.getComponent(kind, i); return a ? a.axis.getViewLabels()"
            + ".map(function (l) { return l.formattedLabel; }) : null; }"
            + " function series(i) { var d = m.getSeriesByIndex(i).getData(); var out = [];"
            + " for (var j = 0; j < d.count(); j++) { var l = d.getItemLayout(j); var el = d.getItemGraphicEl(j);"
            + " out.push(l && l.ends ? (el && d.hasValue(j) ? [(l.ends[l.ends.length - 1][0] + l.ends[l.ends.length - 2][0]) / 2,"
            + " l.ends[l.ends.length - 1][1]] : null) : c.convertToPixel({seriesIndex: i}, o.series[i].data[j])); }"
            + " return out; }"
            + " var o = c.getOption();"
            + " return {x0: labels('xAxis', 0), y0: labels('yAxis', 0), y1: labels('yAxis', 1),"
            + " xNames: o.xAxis.map(function (a) { return a.name || null; }),"
            + " yNames: o.yAxis.map(function (a) { return a.name || null; }),"
            + " xTypes: o.xAxis.map(function (a) { return a.type; }), yTypes: o.yAxis.map(function (a) { return a.type; }),"
            + " data: o.series.map(function (s) { return s.data.map(function (d) { return d === '-' ? '-' : JSON.stringify(d); }); }),"
            + " points: o.series.map(function (s, i) { return series(i); }),"
            + " areas: o.series.map(function (s) { return !!s.areaStyle; })};";

    @Test
    @SuppressWarnings("unchecked")
    void swappedAxesARightAxisFormatDetailsColumnsAndBoxPlotsWithGapsAreDrawnAsSaved() throws Exception {
        Api admin = api();
        long source = new DataSourceFixtures(admin).h2("jdbc:h2:mem:" + AccessFixtures.unique("options")
                .replace('-', '_') + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
        long regions = query(admin, source, "Revenue by region", "SELECT * FROM (VALUES ('APAC', 1000),"
                + " ('EMEA', 3000), ('LATAM', 2000)) AS t(region, revenue)");
        long channels = query(admin, source, "Channels", "SELECT * FROM (VALUES ('APAC', 300, 700, 0.25),"
                + " ('EMEA', 600, 400, 0.10)) AS t(region, online, stores, margin)");
        long steps = query(admin, source, "Steps", "SELECT * FROM (VALUES ('Visited', 12480, 7), ('Paid', 1186, 8))"
                + " AS t(step, people, internal_id)");
        long shifts = query(admin, source, "Shifts", "SELECT * FROM (VALUES ('x', 10, 1), ('y', 20, 2),"
                + " ('z', 30, 3), ('w', 40, 4)) AS t(note, morning, evening)");
        long baskets = query(admin, source, "Baskets", "SELECT * FROM (VALUES ('APAC', 'online', 8),"
                + " ('APAC', 'online', 12), ('EMEA', 'online', 20), ('EMEA', 'online', 30), ('EMEA', 'stores', 5),"
                + " ('EMEA', 'stores', 9)) AS t(region, channel, basket)");
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Options")));
        long line = widget(admin, dashboard, viz(admin, regions, "CHART", "Swapped line", Map.of(
                "globalSeriesType", "line", "swappedAxes", true,
                "columnMapping", Map.of("region", "x", "revenue", "y"))), 0, 0, 4, 7);
        long area = widget(admin, dashboard, viz(admin, regions, "CHART", "Swapped area", Map.of(
                "globalSeriesType", "area", "swappedAxes", true,
                "columnMapping", Map.of("region", "x", "revenue", "y"))), 4, 0, 4, 7);
        long twoAxes = widget(admin, dashboard, viz(admin, channels, "CHART", "Shares and margin", Map.of(
                "globalSeriesType", "column", "numberFormat", "0.000",
                "series", Map.of("stacking", "stack", "percentValues", true),
                "columnMapping", Map.of("region", "x", "online", "y", "stores", "y", "margin", "y"),
                "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1)))), 8, 0, 4, 7);
        long details = widget(admin, dashboard, viz(admin, steps, "DETAILS", "Step details", Map.of("columns",
                List.of(Map.of("name", "people", "title", "People", "numberFormat", "0,0.0"),
                        Map.of("name", "step", "title", "Step"),
                        Map.of("name", "internal_id", "visible", false)))), 0, 7, 4, 6);
        long legacy = widget(admin, dashboard, viz(admin, shifts, "BOXPLOT", "Shifts", Map.of(
                "xAxisLabel", "Shift", "yAxisLabel", "Minutes")), 4, 7, 4, 6);
        long gaps = widget(admin, dashboard, viz(admin, baskets, "CHART", "Baskets", Map.of(
                "globalSeriesType", "box", "columnMapping", Map.of("region", "x", "channel", "series",
                        "basket", "y"))), 8, 7, 4, 6);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();
        String token = shared.path("api_key").asString();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(shared.path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 6
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();
        HeadlessChromium.screenshot(browser, "shared-chart-options.png");

        // 1. swapped line and area: values along the bottom, regions up the side, APAC at the bottom
        for (long swapped : List.of(line, area)) {
            Map<String, Object> drawn = drawn(swapped);
            assertThat((List<Object>) drawn.get("xTypes")).containsExactly("value");
            assertThat((List<Object>) drawn.get("yTypes")).containsExactly("category");
            assertThat((List<Object>) drawn.get("y0")).containsExactly("APAC", "EMEA", "LATAM");
            List<List<Number>> points = ((List<List<List<Number>>>) drawn.get("points")).get(0);
            double apacX = points.get(0).get(0).doubleValue();
            double emeaX = points.get(1).get(0).doubleValue();
            double latamX = points.get(2).get(0).doubleValue();
            assertThat(emeaX).as("3,000 right of 2,000").isGreaterThan(latamX);
            assertThat(latamX).as("2,000 right of 1,000").isGreaterThan(apacX);
            assertThat(points.get(0).get(1).doubleValue()).as("APAC below EMEA")
                    .isGreaterThan(points.get(1).get(1).doubleValue());
            assertThat(points.get(1).get(1).doubleValue()).as("EMEA below LATAM")
                    .isGreaterThan(points.get(2).get(1).doubleValue());
        }
        Map<String, Object> areaDrawn = drawn(area);
        assertThat((List<Object>) areaDrawn.get("areas")).containsExactly(true);
        List<List<Number>> areaPoints = ((List<List<List<Number>>>) areaDrawn.get("points")).get(0);
        double zeroX = ((Number) browser.executeScript("return echarts.getInstanceByDom(arguments[0])"
                + ".convertToPixel({xAxisIndex: 0}, 0);", chart(area))).doubleValue();
        double emeaX = areaPoints.get(1).get(0).doubleValue();
        double emeaY = areaPoints.get(1).get(1).doubleValue();
        double latamY = areaPoints.get(2).get(1).doubleValue();
        assertThat(alpha(area, zeroX + (emeaX - zeroX) * 0.37, emeaY)).as("filled between 0 and EMEA's value")
                .isPositive();
        assertThat(alpha(area, zeroX + (emeaX - zeroX) * 0.87, latamY))
                .as("nothing right of LATAM's 2,000 on its row").isZero();

        // 2. the right axis in the number format, the stacked percent left one in the percent format
        Map<String, Object> axes = drawn(twoAxes);
        JsonNode answeredAxes = answer(token, twoAxes).path("chart").path("y_axes");
        List<String> left = (List<String>) axes.get("y0");
        List<String> right = (List<String>) axes.get("y1");
        assertThat(left).as("the shares in percent").contains("0%", "100%")
                .containsExactlyElementsOf(answeredAxes.get(0).path("ticks").path("labels").valueStream()
                        .map(JsonNode::asString).toList());
        assertThat(right).as("the margin in 0.000").isNotEmpty().allMatch(t -> t.matches("\\d\\.\\d{3}"))
                .contains("0.000").containsExactlyElementsOf(answeredAxes.get(1).path("ticks").path("labels")
                        .valueStream().map(JsonNode::asString).toList());

        // 3. details: the saved order, titles and format; the hidden column left out
        WebElement detailsBox = box(details);
        assertThat(detailsBox.findElements(By.cssSelector("table.details tr")).stream()
                .map(r -> r.findElement(By.tagName("th")).getText() + ": " + r.findElement(By.tagName("td")).getText())
                .toList()).containsExactly("People: 12,480.0", "Step: Visited");

        // 4. the deprecated BOXPLOT: a box per column under the saved titles, the text column an empty place
        Map<String, Object> legacyDrawn = drawn(legacy);
        assertThat((List<Object>) legacyDrawn.get("x0")).containsExactly("note", "morning", "evening");
        assertThat((List<Object>) legacyDrawn.get("xNames")).containsExactly("Shift");
        assertThat((List<Object>) legacyDrawn.get("yNames")).containsExactly("Minutes");
        List<List<Number>> medians = ((List<List<List<Number>>>) legacyDrawn.get("points")).get(0);
        assertThat(medians.get(0)).as("no box for the text column").isNull();
        assertMedianAt(legacy, medians.get(1), "morning", 25);
        assertMedianAt(legacy, medians.get(2), "evening", 2.5);

        // 5. a gap: '-' where a series has no box, nothing drawn there, its other boxes in their places
        for (long boxes : List.of(legacy, gaps)) {
            Map<String, Object> drawn = drawn(boxes);
            List<List<String>> data = (List<List<String>>) drawn.get("data");
            List<List<List<Number>>> points = (List<List<List<Number>>>) drawn.get("points");
            int gapSeries = boxes == legacy ? 0 : 1;
            assertThat(data.get(gapSeries).get(0)).as("ECharts's empty value where there is no box").isEqualTo("-");
            assertThat(points.get(gapSeries).get(0)).as("nothing drawn in the gap").isNull();
            assertThat(points.get(gapSeries).get(1)).as("the box after the gap is drawn").isNotNull();
        }
        Map<String, Object> gapDrawn = drawn(gaps);
        assertThat((List<Object>) gapDrawn.get("x0")).containsExactly("APAC", "EMEA");
        List<List<Number>> stores = ((List<List<List<Number>>>) gapDrawn.get("points")).get(1);
        List<List<Number>> online = ((List<List<List<Number>>>) gapDrawn.get("points")).get(0);
        assertThat(online.get(0)).as("online's APAC box").isNotNull();
        assertThat(stores.get(1).get(0).doubleValue()).as("stores' EMEA box beside online's, right of it")
                .isGreaterThan(online.get(1).get(0).doubleValue());
        assertThat(stores.get(1).get(1).doubleValue()).as("stores' median 7 at 7").isCloseTo(((Number) browser
                .executeScript("return echarts.getInstanceByDom(arguments[0]).convertToPixel({yAxisIndex: 0}, 7);",
                        chart(gaps))).doubleValue(), within(1.0));
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    private void assertMedianAt(long widget, List<Number> median, String column, double value) {
        @SuppressWarnings("unchecked")
        List<Number> expected = (List<Number>) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                + " return [c.convertToPixel({xAxisIndex: 0}, arguments[1]), c.convertToPixel({yAxisIndex: 0},"
                + " arguments[2])];", chart(widget), column, value);
        assertThat(median).as(column + "'s median").isNotNull();
        assertThat(median.get(0).doubleValue()).as(column + "'s box over its column")
                .isCloseTo(expected.get(0).doubleValue(), within(1.0));
        assertThat(median.get(1).doubleValue()).as(column + "'s median at " + value)
                .isCloseTo(expected.get(1).doubleValue(), within(1.0));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> drawn(long widget) {
        return (Map<String, Object>) browser.executeScript(DRAWN, chart(widget));
    }

    /** The opacity (0 to 255) of the chart's canvas at a CSS pixel. */
    private long alpha(long widget, double x, double y) {
        return ((Number) browser.executeScript("var canvas = arguments[0].querySelector('canvas');"
                + " var r = canvas.width / canvas.clientWidth;"
                + " return canvas.getContext('2d').getImageData(Math.round(arguments[1] * r),"
                + " Math.round(arguments[2] * r), 1, 1).data[3];", chart(widget), x, y)).longValue();
    }

    private WebElement chart(long widget) {
        return box(widget).findElement(By.cssSelector(".chart"));
    }

    private JsonNode answer(String token, long widget) {
        return anonymous().get("/api/dashboards/public/" + token + "/widgets/" + widget + "/results").json();
    }

    private WebElement box(long widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget + "']"));
    }
}
