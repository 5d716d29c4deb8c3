package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The shared demo "Executive scorecard" opened in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): every widget drawn, a counter and a chart showing what the API answers, widgets
 * stacking at a phone's width, and the refusal page once the link is revoked; the demo "Sales map" with each
 * country's fill sampled from the canvas against the colour the API answered, and a pivot's cells. Leaves
 * screenshots in {@code target/screenshots/}.
 */
class ViewerBrowserTest extends BrowserServerTest {

    @Test
    void theSharedScorecardDrawsEveryWidgetLikeTheApiStacksOnAPhoneAndRefusesOnceRevoked() throws Exception {
        Api admin = api();
        long scorecard = admin.get("/api/dashboards?q=Executive%20scorecard").json().path("results").valueStream()
                .filter(d -> d.path("name").asString().equals("Executive scorecard")).findFirst().orElseThrow()
                .path("id").asLong();
        var shared = admin.post("/api/dashboards/" + scorecard + "/share", Map.of());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        String token = shared.json().path("api_key").asString();
        JsonNode dashboard = anonymous().get("/api/dashboards/public/" + token).json();
        List<JsonNode> vizWidgets = dashboard.path("widgets").valueStream()
                .filter(w -> w.has("visualization")).toList();

        long started = System.nanoTime();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(shared.json().path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz")).size() == vizWidgets.size()
                && b.findElements(By.cssSelector(".widget.viz[data-state=loading]")).isEmpty());
        long drawnMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(browser.getTitle()).isEqualTo("Executive scorecard");
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".widget footer")).stream().map(WebElement::getText))
                .allMatch(t -> t.startsWith("Updated "));

        JsonNode counterWidget = vizWidgets.stream()
                .filter(w -> w.path("visualization").path("type").asString().equals("COUNTER")).findFirst().orElseThrow();
        JsonNode counterResult = anonymous().get("/api/dashboards/public/" + token + "/widgets/"
                + counterWidget.path("id").asLong() + "/results").json();
        String shown = box(counterWidget).findElement(By.cssSelector(".counter .value")).getText();
        assertThat(shown).isNotBlank().isEqualTo(counterResult.path("counter").path("text").asString());

        JsonNode chartWidget = vizWidgets.stream()
                .filter(w -> w.path("visualization").path("type").asString().equals("CHART")).findFirst().orElseThrow();
        JsonNode chartResult = anonymous().get("/api/dashboards/public/" + token + "/widgets/"
                + chartWidget.path("id").asLong() + "/results").json().path("chart");
        WebElement chartBox = box(chartWidget).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "var o = echarts.getInstanceByDom(arguments[0]).getOption();"
                        + " return o.series.map(function (s) { return {name: s.name,"
                        + " ys: s.data.map(function (p) { return p[1] === null ? null : Number(p[1]); })}; });",
                chartBox);
        assertThat(drawn).hasSize(chartResult.path("series").size());
        for (int i = 0; i < drawn.size(); i++) {
            JsonNode series = chartResult.path("series").get(i);
            assertThat(drawn.get(i).get("name")).isEqualTo(series.path("name").asString());
            List<Double> expected = new ArrayList<>();
            series.path("points").forEach(p -> expected.add(p.get(1).isNull() ? null : p.get(1).asDouble()));
            List<Double> actual = ((List<?>) drawn.get(i).get("ys")).stream()
                    .map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
            assertThat(actual).as("series " + series.path("name").asString()).isEqualTo(expected);
        }
        assertThat(expectedPoints(chartResult)).as("the chart has data").isPositive();

        JsonNode daily = vizWidgets.stream()
                .filter(w -> w.path("visualization").path("name").asString().equals("Daily revenue by region"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object> days = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "var o = echarts.getInstanceByDom(arguments[0]).getOption(); var xs = {};"
                        + " o.series.forEach(function (s) { s.data.forEach(function (p) { xs[p[0]] = 1; }); });"
                        + " return Object.keys(xs);", box(daily).findElement(By.cssSelector(".chart")));
        assertThat(days).as("the widget's static 30 days, not its query's default 90").hasSizeBetween(28, 31);

        long again = System.nanoTime();
        browser.navigate().refresh();
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz")).size() == vizWidgets.size()
                && b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == vizWidgets.size());
        long cachedMillis = (System.nanoTime() - again) / 1_000_000;
        System.out.println("Shared scorecard, results stored: every widget drawn " + cachedMillis + " ms after reload");

        List<WebElement> boxes = browser.findElements(By.cssSelector(".widget"));
        assertThat(boxes.stream().map(b -> b.getRect().getY()).distinct().count()).as("side by side on a desktop")
                .isLessThan(boxes.size());
        screenshot("shared-scorecard.png");

        browser.manage().window().setSize(new Dimension(400, 900));
        wait.until(b -> ((Long) ((JavascriptExecutor) b).executeScript("return window.innerWidth;")) <= 420);
        List<WebElement> stacked = browser.findElements(By.cssSelector(".widget"));
        int left = stacked.get(0).getRect().getX();
        int previousBottom = -1;
        for (WebElement widget : stacked) {
            var rect = widget.getRect();
            assertThat(rect.getX()).as("one column at a phone's width").isEqualTo(left);
            assertThat(rect.getY()).as("each below the one before").isGreaterThanOrEqualTo(previousBottom);
            assertThat(rect.getWidth()).isGreaterThan(300);
            previousBottom = rect.getY() + rect.getHeight();
        }
        screenshot("shared-scorecard-phone.png");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String darkBackground = (String) browser.executeScript(
                "return getComputedStyle(document.body).backgroundColor;");
        assertThat(darkBackground).as("dark when the system is").isEqualTo("rgb(21, 24, 29)");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat((String) browser.executeScript("return getComputedStyle(document.body).backgroundColor;"))
                .as("printed on white, whatever the screen's scheme").isEqualTo("rgb(255, 255, 255)");
        assertThat((String) browser.executeScript(
                "return getComputedStyle(document.querySelector('.widget')).breakInside;")).isEqualTo("avoid");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));

        assertThat(admin.delete("/api/dashboards/" + scorecard + "/share").status()).isEqualTo(200);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is no longer valid");
        assertThat(browser.findElements(By.cssSelector(".widget"))).isEmpty();
        System.out.println("Shared scorecard: every widget drawn " + drawnMillis + " ms after opening the link");
    }

    @Test
    void aFailingWidgetShowsItsErrorWhileTheOthersDrawAndTextIsRenderedSafely() {
        Api admin = api();
        long demo = admin.get("/api/data_sources").json().valueStream()
                .filter(d -> d.path("name").asString().equals("Demo sales")).findFirst().orElseThrow().path("id").asLong();
        long broken = created(admin.post("/api/queries", Map.of("data_source_id", demo, "name", "Broken on purpose",
                "query", "SELECT * FROM no_such_table_anywhere")));
        long fine = created(admin.post("/api/queries", Map.of("data_source_id", demo, "name", "Fine",
                "query", "SELECT 7 AS n")));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Browser errors " + System.nanoTime())));
        long brokenWidget = widget(admin, dashboard, created(admin.post("/api/visualizations", Map.of("query_id",
                broken, "type", "TABLE", "name", "Table", "options", Map.of()))), null, 0);
        long fineWidget = widget(admin, dashboard, created(admin.post("/api/visualizations", Map.of("query_id", fine,
                "type", "COUNTER", "name", "Seven", "options", Map.of("counterColName", "n")))), null, 4);
        widget(admin, dashboard, null, "## Read me\n<img src=x onerror=alert(1)> [a](javascript:alert(1))", 8);
        String url = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json().path("public_url").asString();

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url);
        wait.until(b ->
                b.findElements(By.cssSelector(".widget.viz")).size() == 2
                        && b.findElements(By.cssSelector(".widget.viz[data-state=loading]")).isEmpty());
        WebElement failed = browser.findElement(By.cssSelector(".widget[data-widget-id='" + brokenWidget + "']"));
        assertThat(failed.getDomAttribute("data-state")).isEqualTo("error");
        assertThat(failed.findElement(By.cssSelector(".error")).getText()).contains("failed")
                .doesNotContain("no_such_table");
        WebElement counter = browser.findElement(By.cssSelector(".widget[data-widget-id='" + fineWidget + "']"));
        assertThat(counter.getDomAttribute("data-state")).isEqualTo("ready");
        assertThat(counter.findElement(By.cssSelector(".counter .value")).getText()).isEqualTo("7");
        assertThat(counter.findElement(By.tagName("h2")).getText()).isEqualTo("Seven");
        WebElement text = browser.findElement(By.cssSelector(".widget.text"));
        assertThat(text.findElement(By.tagName("h2")).getText()).isEqualTo("Read me");
        assertThat(text.findElements(By.tagName("img"))).as("raw HTML is shown as text, never run").isEmpty();
        assertThat(text.findElement(By.tagName("a")).getDomAttribute("href")).isNullOrEmpty();
    }

    @Test
    void dashboardParametersChangeInThePageAndReloadOnlyTheWidgetsMappedToThem() throws Exception {
        Api admin = api();
        long byRegion = demoDashboard(admin, "Revenue by region");
        var shared = admin.post("/api/dashboards/" + byRegion + "/share", Map.of());
        String token = shared.json().path("api_key").asString();
        List<JsonNode> vizWidgets = anonymous().get("/api/dashboards/public/" + token).json().path("widgets")
                .valueStream().filter(w -> w.has("visualization")).toList();
        JsonNode mapped = vizWidgets.stream().filter(w -> w.path("options").has("parameterMappings")
                && !w.path("options").path("parameterMappings").isEmpty()).findFirst().orElseThrow();
        JsonNode unmapped = vizWidgets.stream().filter(w -> w != mapped).findFirst().orElseThrow();

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(shared.json().path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == vizWidgets.size());
        assertThat(browser.findElements(By.cssSelector("#parameters .parameter")).stream()
                .map(f -> f.getDomAttribute("data-parameter")).toList()).as("in the dashboard's order")
                .containsExactly("start_date", "end_date");
        assertThat(browser.findElement(By.cssSelector("[data-parameter=start_date] span")).getText())
                .isEqualTo("Start date");
        assertThat(browser.findElement(By.cssSelector("[data-parameter=start_date] input")).getDomProperty("value"))
                .as("the query's default").isEqualTo("2020-01-01");
        double before = drawnTotal(mapped);

        String start = java.time.LocalDate.now().minusDays(60).toString();
        browser.executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.cssSelector("[data-parameter=start_date] input")), start);
        browser.findElement(By.cssSelector("#parameters button")).click();
        wait.until(b -> "2".equals(box(mapped).getDomAttribute("data-loads"))
                && "ready".equals(box(mapped).getDomAttribute("data-state")));
        assertThat(box(unmapped).getDomAttribute("data-loads")).as("a widget no parameter maps to").isEqualTo("1");
        assertThat(browser.getCurrentUrl()).contains("p_start_date=" + start).doesNotContain("p_end_date");

        JsonNode expected = anonymous().get("/api/dashboards/public/" + token + "/widgets/" + mapped.path("id").asLong()
                + "/results?p_start_date=" + start).json().path("chart");
        double after = drawnTotal(mapped);
        double expectedTotal = 0;
        for (JsonNode point : expected.path("series").get(0).path("points")) {
            expectedTotal += point.get(1).asDouble();
        }
        assertThat(after).as("what the API answers for the page's start date").isCloseTo(expectedTotal,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(after).as("sixty days are less than all since 2020").isPositive().isLessThan(before);
        screenshot("shared-parameters.png");

        browser.navigate().refresh();
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == vizWidgets.size());
        assertThat(browser.findElement(By.cssSelector("[data-parameter=start_date] input")).getDomProperty("value"))
                .as("the address keeps the value").isEqualTo(start);
        assertThat(drawnTotal(mapped)).isCloseTo(after, org.assertj.core.data.Offset.offset(0.01));

        var embed = admin.post("/api/dashboards/" + byRegion + "/embed", Map.of("parameters", Map.of("start_date", start)));
        assertThat(embed.status()).as(embed.toString()).isEqualTo(200);
        browser.get(embed.json().path("embed_url").asString() + "?p_start_date=2020-01-01");
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == vizWidgets.size());
        WebElement fixed = browser.findElement(By.cssSelector("[data-parameter=start_date] input"));
        assertThat(fixed.isEnabled()).as("locked by the embed link").isFalse();
        assertThat(fixed.getDomProperty("value")).isEqualTo(start);
        assertThat(browser.findElement(By.cssSelector("[data-parameter=end_date] input")).isEnabled()).isTrue();
        assertThat(drawnTotal(mapped)).as("the address cannot override a locked value")
                .isCloseTo(after, org.assertj.core.data.Offset.offset(0.01));
        admin.delete("/api/dashboards/" + byRegion + "/share");
    }

    @Test
    void aBarOpensTheSharedDetailDashboardWithItsRegionAndAnUnsharedTargetIsNotRevealed() throws Exception {
        Api admin = api();
        long byRegion = demoDashboard(admin, "Revenue by region");
        long detail = demoDashboard(admin, "Region detail");
        admin.delete("/api/dashboards/" + detail + "/share");
        String token = admin.post("/api/dashboards/" + byRegion + "/share", Map.of()).json().path("api_key").asString();
        JsonNode chart = anonymous().get("/api/dashboards/public/" + token).json().path("widgets").valueStream()
                .filter(w -> w.path("visualization").path("name").asString().equals("Revenue by region"))
                .findFirst().orElseThrow();
        assertThat(chart.path("visualization").path("options").path("sightline").has("drillthrough"))
                .as("no click into a dashboard that is not shared").isFalse();

        var detailShare = admin.post("/api/dashboards/" + detail + "/share", Map.of()).json();
        String detailToken = detailShare.path("api_key").asString();
        JsonNode drill = anonymous().get("/api/dashboards/public/" + token).json().path("widgets").valueStream()
                .filter(w -> w.path("id").asLong() == chart.path("id").asLong()).findFirst().orElseThrow()
                .path("visualization").path("options").path("sightline").path("drillthrough");
        assertThat(drill.path("public_url").asString()).isEqualTo("/public/dashboards/" + detailToken);
        assertThat(drill.has("dashboard")).as("the target's own link, not its id").isFalse();

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get("http://127.0.0.1:" + port + "/public/dashboards/" + token);
        wait.until(b -> "ready".equals(box(chart).getDomAttribute("data-state")));
        WebElement chartBox = box(chart).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var data = c.getOption().series[0].data;"
                        + " var p = data.filter(function (d) { return d[0] === 'APAC'; })[0];"
                        + " return c.convertToPixel({seriesIndex: 0}, ['APAC', p[1] / 2]);", chartBox);
        var size = chartBox.getSize();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(chartBox,
                at.get(0).intValue() - size.getWidth() / 2, at.get(1).intValue() - size.getHeight() / 2).click()
                .perform();

        wait.until(b -> b.getCurrentUrl().contains("/public/dashboards/" + detailToken));
        assertThat(browser.getCurrentUrl()).contains("p_region=APAC");
        wait.until(b -> b.getTitle().equals("Region detail")
                && b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 1);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(
                By.cssSelector("[data-parameter=region] select"))).getFirstSelectedOption().getText()).isEqualTo("APAC");
        long topProducts = browser.findElement(By.cssSelector(".widget.viz")).getDomAttribute("data-widget-id")
                .transform(Long::parseLong);
        JsonNode expected = anonymous().get("/api/dashboards/public/" + detailToken + "/widgets/" + topProducts
                + "/results?p_region=APAC").json();
        String firstProduct = expected.path("rows").get(0).path("product").asString();
        assertThat(firstProduct).isNotBlank();
        assertThat(browser.findElement(By.cssSelector(".widget.viz")).getText()).as("APAC's products")
                .contains(firstProduct);
        screenshot("shared-drill-through.png");
        admin.delete("/api/dashboards/" + detail + "/share");
        admin.delete("/api/dashboards/" + byRegion + "/share");
    }

    /** A point well inside each of the demo's larger countries, to sample its fill at. */
    private static final Map<String, double[]> INSIDE = Map.of("USA", new double[] {-100, 40},
            "CAN", new double[] {-100, 58}, "BRA", new double[] {-50, -10}, "AUS", new double[] {134, -25},
            "IND", new double[] {79, 22}, "CHN", new double[] {103, 35});

    @Test
    void theSharedSalesMapDrawsBothMapsInTheColoursTheApiAnswered() throws Exception {
        Api admin = api();
        long salesMap = demoDashboard(admin, "Sales map");
        var shared = admin.post("/api/dashboards/" + salesMap + "/share", Map.of());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        String token = shared.json().path("api_key").asString();
        List<JsonNode> vizWidgets = anonymous().get("/api/dashboards/public/" + token).json().path("widgets")
                .valueStream().filter(w -> w.has("visualization")).toList();
        JsonNode choropleth = vizWidgets.stream()
                .filter(w -> w.path("visualization").path("type").asString().equals("CHOROPLETH")).findFirst().orElseThrow();
        JsonNode markers = vizWidgets.stream()
                .filter(w -> w.path("visualization").path("type").asString().equals("MAP")).findFirst().orElseThrow();

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(shared.json().path("public_url").asString());
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == vizWidgets.size()
                || !b.findElements(By.cssSelector(".widget.viz[data-state=error]")).isEmpty());
        List<WebElement> failed = browser.findElements(By.cssSelector(".widget.viz[data-state=error]"));
        assertThat(failed).as(() -> "widgets in error: " + failed.stream().map(WebElement::getText).toList()).isEmpty();

        JsonNode map = widgetAnswer(token, choropleth).path("map");
        WebElement choroplethBox = box(choropleth).findElement(By.cssSelector(".chart.map"));
        int sampled = 0;
        for (JsonNode region : map.path("regions")) {
            double[] inside = INSIDE.get(region.path("code").asString());
            if (inside == null || region.path("color").isNull()) {
                continue;
            }
            String expected = region.path("color").asString();
            String[] seen = {null};
            try {
                wait.withTimeout(Duration.ofSeconds(10)).until(b -> {
                    seen[0] = pixelAt(choroplethBox, "{seriesIndex: 0}", inside);
                    return expected.equals(seen[0]);
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                // reported below with what was drawn instead
            }
            assertThat(seen[0]).as("the fill drawn inside " + region.path("name").asString()).isEqualTo(expected);
            sampled++;
        }
        assertThat(sampled).as("countries of the demo sampled").isGreaterThanOrEqualTo(3);
        assertThat(pixelAt(choroplethBox, "{seriesIndex: 0}", new double[] {-30, 30})).as("the Atlantic")
                .isEqualTo("#ffffff");
        List<WebElement> legend = box(choropleth).findElements(By.cssSelector(".map-legend > div"));
        assertThat(legend.stream().map(WebElement::getText).toList()).as("the legend the API answered")
                .isEqualTo(map.path("legend").path("steps").valueStream().map(s -> s.path("text").asString()).toList());

        JsonNode stores = widgetAnswer(token, markers).path("map");
        WebElement markerBox = box(markers).findElement(By.cssSelector(".chart.map"));
        @SuppressWarnings("unchecked")
        List<Number> singles = (List<Number>) browser.executeScript("return echarts.getInstanceByDom(arguments[0])"
                + ".getOption().series[0].data.map(function (d) { return d.point; });", markerBox);
        Number inBubbles = (Number) browser.executeScript("return echarts.getInstanceByDom(arguments[0]).getOption()"
                + ".series[1].data.reduce(function (n, d) { return n + d.count; }, 0);", markerBox);
        assertThat(singles.size() + inBubbles.intValue()).as("every store, alone or in a bubble")
                .isEqualTo(stores.path("points").size()).isPositive();
        // the store drawn alone farthest from any other, its pin's head sampled with the pointer off the map (no hover)
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("title")))
                .perform();
        JsonNode alone = null;
        double farthest = -1;
        for (Number single : singles) {
            JsonNode p = stores.path("points").get(single.intValue());
            double nearest = stores.path("points").valueStream().filter(q -> q != p)
                    .mapToDouble(q -> Math.hypot(q.path("lon").asDouble() - p.path("lon").asDouble(),
                            q.path("lat").asDouble() - p.path("lat").asDouble())).min().orElse(180);
            if (nearest > farthest) {
                farthest = nearest;
                alone = p;
            }
        }
        String pin = stores.path("pin").path("fill").asString();
        List<String> column = new ArrayList<>();
        for (int dy = 0; dy >= -30; dy--) {
            column.add(pixelAt(markerBox, "{geoIndex: 0}", new double[] {alone.path("lon").asDouble(),
                    alone.path("lat").asDouble()}, dy));
        }
        assertThat(column.subList(0, 12)).as("the pixels above " + alone.path("label").asString()
                + ", its pin's tip there: " + column).contains(pin);
        assertThat(column.get(column.size() - 1)).as("land or sea above the pin: " + column).isNotEqualTo(pin);

        // about the dashboard's height (the window counts its own frame), for the README
        browser.manage().window().setSize(new Dimension(1280, 735));
        screenshot("shared-sales-map.png");
        admin.delete("/api/dashboards/" + salesMap + "/share");
    }

    @Test
    void aSharedPivotShowsTheCellsAndTotalsTheApiAnswered() throws Exception {
        Api admin = api();
        long query = admin.get("/api/queries?q=sales__revenue_by_region_and_quarter__v1").json().path("results")
                .valueStream().findFirst().orElseThrow().path("id").asLong();
        long pivot = created(admin.post("/api/visualizations", Map.of("query_id", query, "type", "PIVOT",
                "name", "Quarters by region", "options", Map.of("rows", List.of("region"), "cols", List.of("quarter"),
                        "vals", List.of("revenue"), "aggregatorName", "Sum", "rendererName", "Table Heatmap"))));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Pivot " + System.nanoTime())));
        long widget = widget(admin, dashboard, pivot, null, 0);
        var shared = admin.post("/api/dashboards/" + dashboard + "/share", Map.of()).json();
        String token = shared.path("api_key").asString();

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(shared.path("public_url").asString());
        By pivotBox = By.cssSelector(".widget[data-widget-id='" + widget + "']");
        wait.until(b -> b.findElements(pivotBox).stream()
                .anyMatch(e -> !"loading".equals(e.getDomAttribute("data-state"))));
        WebElement box = browser.findElement(pivotBox);
        assertThat(box.getDomAttribute("data-state")).as(box.getText()).isEqualTo("ready");

        JsonNode expected = widgetAnswer(token, widget).path("pivot");
        List<WebElement> rows = box.findElements(By.cssSelector("table.pivot tbody tr"));
        assertThat(rows).as("a row per region and the totals").hasSize(expected.path("row_keys").size() + 1);
        for (int r = 0; r < expected.path("row_keys").size(); r++) {
            List<String> shown = rows.get(r).findElements(By.cssSelector("td.value")).stream().map(WebElement::getText)
                    .toList();
            List<String> answered = expected.path("cells").get(r).valueStream().map(c -> c.path("text").asString())
                    .toList();
            assertThat(shown).as("region " + expected.path("row_keys").get(r)).isEqualTo(answered);
            assertThat(rows.get(r).findElement(By.cssSelector("th")).getText())
                    .isEqualTo(expected.path("row_keys").get(r).get(0).asString());
        }
        assertThat(answeredTexts(expected.path("cells").get(0))).as("cells with values").anyMatch(t -> !t.isEmpty());
        assertThat(box.findElement(By.cssSelector("td.grand")).getText())
                .isEqualTo(expected.path("grand_total").path("text").asString()).isNotBlank();
        String heat = (String) browser.executeScript("return getComputedStyle(arguments[0]).backgroundColor;",
                box.findElement(By.cssSelector("td.heat")));
        assertThat(heat).as("heat-map cells are coloured").isNotEqualTo("rgba(0, 0, 0, 0)");
        screenshot("shared-pivot.png");
        admin.delete("/api/dashboards/" + dashboard + "/share");
    }

    private static List<String> answeredTexts(JsonNode cells) {
        return cells.valueStream().map(c -> c.path("text").asString()).toList();
    }

    /** The colour drawn at a longitude/latitude of a map (and {@code dy} pixels below it), as {@code #rrggbb}. */
    private String pixelAt(WebElement chart, String finder, double[] lonLat, int... dy) {
        return (String) browser.executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                + " var p = c.convertToPixel(" + finder + ", [arguments[1], arguments[2]]);"
                + " var canvas = arguments[0].querySelector('canvas'); var ratio = canvas.width / canvas.clientWidth;"
                + " var d = canvas.getContext('2d').getImageData(Math.round(p[0] * ratio),"
                + " Math.round((p[1] + arguments[3]) * ratio), 1, 1).data;"
                + " return '#' + [d[0], d[1], d[2]].map(function (v) { return (v < 16 ? '0' : '') + v.toString(16); })"
                + ".join('');", chart, lonLat[0], lonLat[1], dy.length == 0 ? 0 : dy[0]);
    }

    private JsonNode widgetAnswer(String token, JsonNode widget) {
        return widgetAnswer(token, widget.path("id").asLong());
    }

    private JsonNode widgetAnswer(String token, long widget) {
        return anonymous().get("/api/dashboards/public/" + token + "/widgets/" + widget + "/results").json();
    }

    private double drawnTotal(JsonNode widget) {
        Object total = browser.executeScript("var o = echarts.getInstanceByDom(arguments[0]).getOption(); var t = 0;"
                + " o.series.forEach(function (s) { s.data.forEach(function (p) { t += Number(p[1]) || 0; }); });"
                + " return t;", box(widget).findElement(By.cssSelector(".chart")));
        return ((Number) total).doubleValue();
    }

    private static long demoDashboard(Api admin, String name) {
        return admin.get("/api/dashboards?q=" + name.replace(" ", "%20")).json().path("results").valueStream()
                .filter(d -> d.path("name").asString().equals(name)).findFirst().orElseThrow().path("id").asLong();
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private static long widget(Api api, long dashboard, Long viz, String text, int col) {
        var body = new java.util.HashMap<String, Object>();
        body.put("dashboard_id", dashboard);
        body.put("visualization_id", viz);
        body.put("text", text);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", 0, "sizeX", 4, "sizeY", 5)));
        return created(api.post("/api/widgets", body));
    }

    private WebElement box(JsonNode widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget.path("id").asLong() + "']"));
    }

    private static int expectedPoints(JsonNode chart) {
        int points = 0;
        for (JsonNode series : chart.path("series")) {
            points += series.path("points").size();
        }
        return points;
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
