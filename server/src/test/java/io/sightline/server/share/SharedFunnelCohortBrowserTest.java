package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.HeadlessChromium;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * cells with the API's texts and fills. Leaves {@code target/screenshots/shared-funnel-cohort.png}.
 */
class SharedFunnelCohortBrowserTest extends BrowserServerTest {

    private static final String STEPS = "SELECT * FROM (VALUES ('Visited the shop', 12480),"
            + " ('Viewed a product', 7310), ('Added to cart', 2954), ('Checked out', 1420), ('Paid', 1186))"
            + " AS t(step, people)";

    @Test
    void aSharedFunnelDetailsAndCohortShowWhatTheApiAnswered() throws Exception {
        Api admin = api();
        long source = new DataSourceFixtures(admin).h2("jdbc:h2:mem:" + AccessFixtures.unique("funnel")
                .replace('-', '_') + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
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

    /**
     * Six weekly cohorts, each losing people week by week: the first cohort 1,000 people, then 55 %, 42 %, … of
     * them active; each later one a week less.
     */
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

    private static long query(Api api, long source, String name, String sql) {
        return created(api.post("/api/queries", Map.of("data_source_id", source, "name", name, "query", sql)));
    }

    private static long viz(Api api, long query, String type, String name, Map<String, Object> options) {
        return created(api.post("/api/visualizations", Map.of("query_id", query, "type", type, "name", name,
                "options", options)));
    }

    private static long widget(Api api, long dashboard, long viz, int col, int row, int sizeX, int sizeY) {
        var body = new HashMap<String, Object>();
        body.put("dashboard_id", dashboard);
        body.put("visualization_id", viz);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", row, "sizeX", sizeX, "sizeY", sizeY)));
        return created(api.post("/api/widgets", body));
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
