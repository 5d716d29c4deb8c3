package io.sightline.server.share;

import static io.sightline.server.share.WidgetFixtures.created;
import static io.sightline.server.share.WidgetFixtures.query;
import static io.sightline.server.share.WidgetFixtures.viz;
import static io.sightline.server.share.WidgetFixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.HeadlessChromium;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Redash's {@code missingValuesAsZero} on a shared dashboard in headless Chromium: off, a line or an area leaves a
 * gap where its series has no value (plotly's {@code connectgaps: false}); on (the default), it goes down to 0
 * there. Read from the chart's canvas, as a viewer sees it. Leaves {@code target/screenshots/shared-line-gaps.png}.
 */
class SharedLineGapsBrowserTest extends BrowserServerTest {

    @Test
    void aLineOrAreaLeavesAGapWhereItsSeriesHasNoValueUnlessMissingValuesAreZeros() throws Exception {
        Api admin = api();
        long source = new DataSourceFixtures(admin).h2("jdbc:h2:mem:" + AccessFixtures.unique("gaps")
                .replace('-', '_') + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
        // online has no row for c; stores has one in each region
        long sales = query(admin, source, "Sales", "SELECT * FROM (VALUES ('a', 'online', 10), ('a', 'stores', 5),"
                + " ('b', 'online', 11), ('b', 'stores', 5), ('c', 'stores', 5), ('d', 'online', 13),"
                + " ('d', 'stores', 5), ('e', 'online', 14), ('e', 'stores', 5)) AS t(region, channel, revenue)");
        Map<String, Object> mapping = Map.of("region", "x", "channel", "series", "revenue", "y");
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Gaps")));
        long lineGaps = widget(admin, dashboard, viz(admin, sales, "CHART", "Line with gaps", Map.of(
                "globalSeriesType", "line", "missingValuesAsZero", false, "columnMapping", mapping)), 0, 0, 4, 7);
        long lineZeros = widget(admin, dashboard, viz(admin, sales, "CHART", "Line with zeros", Map.of(
                "globalSeriesType", "line", "columnMapping", mapping)), 4, 0, 4, 7);
        long areaGaps = widget(admin, dashboard, viz(admin, sales, "CHART", "Area with gaps", Map.of(
                "globalSeriesType", "area", "missingValuesAsZero", false, "columnMapping", mapping)), 8, 0, 4, 7);
        long stacked = widget(admin, dashboard, viz(admin, sales, "CHART", "Stacked areas", Map.of(
                "globalSeriesType", "area", "missingValuesAsZero", false, "series", Map.of("stacking", "stack"),
                "columnMapping", mapping)), 6, 7, 6, 7);
        // eighty days, too many for a line's symbols; online has none on days 30 and 32, so day 31 stands alone
        List<String> rows = new ArrayList<>();
        for (int day = 1; day <= 80; day++) {
            if (day != 30 && day != 32) {
                rows.add("(" + day + ", 'online', 50)");
            }
            rows.add("(" + day + ", 'stores', 5)");
        }
        long days = query(admin, source, "Days", "SELECT * FROM (VALUES " + String.join(", ", rows)
                + ") AS t(day_number, channel, revenue)");
        long alone = widget(admin, dashboard, viz(admin, days, "CHART", "A day alone", Map.of(
                "globalSeriesType", "line", "missingValuesAsZero", false,
                "columnMapping", Map.of("day_number", "x", "channel", "series", "revenue", "y"))), 0, 7, 6, 7);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();

        browser.manage().window().setSize(new Dimension(1280, 700));
        browser.get(shared.path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 5
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();
        HeadlessChromium.screenshot(browser, "shared-line-gaps.png");

        // the line: drawn from a to b and from d to e, nothing across c (where b to d would pass through 12)
        int[] online = pixel(lineGaps, "a", 10.5, "b", 10.5);
        assertThat(online[3]).as("online's line between a and b").isPositive();
        assertThat(lineNear(lineGaps, online, "b", 11, "d", 13)).as("no line across c").isFalse();
        assertThat(lineNear(lineGaps, online, "d", 13, "e", 14)).as("online again from d to e").isTrue();

        // zeros: the same line goes down to 0 at c and up again
        int[] zeros = pixel(lineZeros, "a", 10.5, "b", 10.5);
        assertThat(lineNear(lineZeros, zeros, "b", 11, "c", 0)).as("down to 0 at c").isTrue();
        assertThat(lineNear(lineZeros, zeros, "c", 0, "d", 13)).as("and up again to d").isTrue();

        // the area: filled under a to b, not under c above stores' 5
        assertThat(pixel(areaGaps, "a", 8, "b", 8)[3]).as("online's area between a and b, above stores'")
                .isPositive();
        assertThat(pixel(areaGaps, "c", 8, "c", 8)[3]).as("nothing filled at c above stores' 5").isZero();

        // stacked areas have no gap: online is 0 at c, its line down on stores' 5 there and its band of no height
        JsonNode answered = anonymous().get("/api/dashboards/public/" + shared.path("api_key").asString()
                + "/widgets/" + stacked + "/results").json().path("chart").path("series").get(0);
        assertThat(answered.path("name").asString()).isEqualTo("online");
        JsonNode c = answered.path("points").get(2);
        assertThat(c.get(0).asString()).isEqualTo("c");
        assertThat(c.get(1).isNumber()).as("online's c a number, not null: " + c).isTrue();
        assertThat(c.get(1).asDouble()).as("online's c as 0 in the stack").isZero();
        int[] onTop = pixel(stacked, "a", 15, "b", 16);
        assertThat(onTop[3]).as("online's line on top of stores' between a and b").isPositive();
        assertThat(lineNear(stacked, onTop, "b", 16, "c", 5)).as("down to stores' 5 at c").isTrue();

        // day 31 alone between two gaps: no line to draw, but its point is shown
        int[] longLine = pixel(alone, 10, 50, 11, 50);
        assertThat(longLine[3]).as("online's line from day 10 to 11").isPositive();
        assertThat(lineNear(alone, longLine, 29.5, 50, 30.5, 50)).as("nothing across day 30").isFalse();
        assertThat(lineNear(alone, longLine, 31, 50, 31, 50)).as("day 31 drawn alone, as a point").isTrue();
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    /** The canvas's pixel (r, g, b, a) halfway between two places of the chart (a region and a value each). */
    @SuppressWarnings("unchecked")
    private int[] pixel(long widget, Object x1, double y1, Object x2, double y2) {
        List<Number> rgba = (List<Number>) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                + " var p = c.convertToPixel({seriesIndex: 0}, [arguments[1], arguments[2]]);"
                + " var q = c.convertToPixel({seriesIndex: 0}, [arguments[3], arguments[4]]);"
                + " var canvas = arguments[0].querySelector('canvas'); var r = canvas.width / canvas.clientWidth;"
                + " var d = canvas.getContext('2d').getImageData(Math.round((p[0] + q[0]) / 2 * r),"
                + " Math.round((p[1] + q[1]) / 2 * r), 1, 1).data; return [d[0], d[1], d[2], d[3]];",
                chart(widget), x1, y1, x2, y2);
        return rgba.stream().mapToInt(Number::intValue).toArray();
    }

    /**
     * True when a pixel of the line's colour is within three CSS pixels above or below the place halfway between two
     * places of the chart.
     */
    private boolean lineNear(long widget, int[] line, Object x1, double y1, Object x2, double y2) {
        return (Boolean) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                + " var a = c.convertToPixel({seriesIndex: 0}, [arguments[1], arguments[2]]);"
                + " var b = c.convertToPixel({seriesIndex: 0}, [arguments[4], arguments[5]]);"
                + " var p = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];"
                + " var canvas = arguments[0].querySelector('canvas'); var r = canvas.width / canvas.clientWidth;"
                + " var line = arguments[3];"
                + " for (var dy = -3; dy <= 3; dy++) {"
                + "   var d = canvas.getContext('2d').getImageData(Math.round(p[0] * r), Math.round((p[1] + dy) * r),"
                + "       1, 1).data;"
                + "   if (d[3] > 100 && Math.abs(d[0] - line[0]) < 40 && Math.abs(d[1] - line[1]) < 40"
                + "       && Math.abs(d[2] - line[2]) < 40) { return true; }"
                + " }"
                + " return false;", chart(widget), x1, y1, List.of(line[0], line[1], line[2], line[3]), x2, y2);
    }

    private WebElement chart(long widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget + "'] .chart"));
    }
}
