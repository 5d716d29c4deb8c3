package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.hansolo.tilesfx.Tile;
import io.sightline.common.api.query.Query;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.editor.QueryTabViewModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Arc;
import org.junit.jupiter.api.Test;

/**
 * The demo queries' visualizations drawn in the real window, against the real server: what is drawn is checked
 * against the result the server returned (bar heights in pixels against the values, pie slice angles against the
 * shares, the counter's text), not only that something was drawn.
 */
class VisualizationUiTest extends WorkbenchWindowTest {

    /** Opens the demo query, runs it, selects the visualization tab and waits until its result is drawn. */
    private ResultData openAndRun(String queryName, String visualizationName) {
        var client = app.workbench().client();
        QueriesClient queriesApi = new QueriesClient(client);
        Query query = queriesApi.queries(queryName, false, 1, 20).results().stream()
                .filter(q -> q.name().equals(queryName)).findFirst().orElseThrow();
        interact(() -> app.workbench().openQuery(query.id()));
        waitUntil(15, "the query open", () -> tabModel() != null
                && Long.valueOf(query.id()).equals(tabModel().queryIdProperty().get()));
        waitUntil(15, "the visualization tab", () -> visualizationTab(visualizationName) != null);
        clickOn(inTab("#run-button", Button.class));
        waitUntil(60, "the result read for the visualizations",
                () -> tabModel().visualizations().resultProperty().get() != null);
        interact(() -> visualizationTabs().getSelectionModel().select(visualizationTab(visualizationName)));
        return fx(() -> tabModel().visualizations().resultProperty().get());
    }

    private QueryTabViewModel tabModel() {
        return app.workbench().selectedProperty().get();
    }

    private TabPane visualizationTabs() {
        return inTab("#visualization-tabs", TabPane.class);
    }

    private Tab visualizationTab(String name) {
        TabPane tabs = visualizationTabs();
        return tabs == null ? null : tabs.getTabs().stream().filter(t -> t.getText().equals(name)).findFirst()
                .orElse(null);
    }

    private <T extends Node> T drawn(String visualizationName, String selector, Class<T> type) {
        return fx(() -> {
            Node content = visualizationTab(visualizationName).getContent();
            Node found = content == null ? null : content.lookup(selector);
            return type.isInstance(found) ? type.cast(found) : null;
        });
    }

    /** Lets the chart lay out its nodes (bars are placed in a layout pass). */
    private void settle(Node node) {
        interact(() -> {
            node.applyCss();
            if (node instanceof javafx.scene.Parent parent) {
                parent.layout();
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static double number(Object cell) {
        return cell instanceof BigDecimal d ? d.doubleValue() : ((Number) cell).doubleValue();
    }

    @Test
    void revenueByRegionDrawsOneBarPerRegionAsHighAsItsRevenue() {
        ResultData result = openAndRun("sales__revenue_by_region__v1", "Revenue by region");
        waitUntil(10, "the bars", () -> drawn("Revenue by region", "#chart-bars", BarChart.class) != null);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = drawn("Revenue by region", "#chart-bars", BarChart.class);
        settle(chart);

        List<Map<String, Object>> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparing(r -> String.valueOf(r.get("region"))));
        List<XYChart.Data<String, Number>> bars = fx(() -> List.copyOf(chart.getData().get(0).getData()));
        assertThat(fx(() -> chart.getData().size())).as("one series").isEqualTo(1);
        assertThat(bars).hasSize(rows.size()).hasSizeGreaterThan(1);
        NumberAxis axis = (NumberAxis) chart.getYAxis();
        double zero = fx(() -> axis.getDisplayPosition(0));
        for (int i = 0; i < rows.size(); i++) {
            XYChart.Data<String, Number> bar = bars.get(i);
            double revenue = number(rows.get(i).get("revenue"));
            assertThat(bar.getXValue()).as("bars in region order").isEqualTo(rows.get(i).get("region"));
            double height = fx(() -> bar.getNode().getLayoutBounds().getHeight());
            double expected = fx(() -> zero - axis.getDisplayPosition(revenue));
            assertThat(height).as("height of the bar of " + bar.getXValue()).isCloseTo(expected, within(1.0));
            assertThat(height).isGreaterThan(1);
        }
        double tallest = rows.stream().mapToDouble(r -> number(r.get("revenue"))).max().orElseThrow();
        double lowest = rows.stream().mapToDouble(r -> number(r.get("revenue"))).min().orElseThrow();
        double tallestBar = bars.stream().mapToDouble(b -> fx(() -> b.getNode().getLayoutBounds().getHeight()))
                .max().orElseThrow();
        double lowestBar = bars.stream().mapToDouble(b -> fx(() -> b.getNode().getLayoutBounds().getHeight()))
                .min().orElseThrow();
        assertThat(lowestBar / tallestBar).as("heights in proportion to the revenues")
                .isCloseTo(lowest / tallest, within(0.02));

        // the same drawing as SVG: a bar per region, as high as on screen, and the region names as text
        String svg = fx(() -> io.sightline.desktop.visualization.SvgExport.svg(chart));
        for (Map<String, Object> row : rows) {
            assertThat(svg).contains(">" + row.get("region") + "</text>");
        }
        String barFill = fx(() -> ((javafx.scene.layout.Region) bars.get(0).getNode()).getBackground().getFills()
                .get(0).getFill() instanceof javafx.scene.paint.LinearGradient g ? web(g.getStops().get(0).getColor())
                : web((javafx.scene.paint.Color) ((javafx.scene.layout.Region) bars.get(0).getNode()).getBackground()
                        .getFills().get(0).getFill()));
        java.util.regex.Matcher rect = java.util.regex.Pattern.compile("<rect transform=\"[^\"]+\" x=\"[^\"]+\""
                + " y=\"[^\"]+\" width=\"[^\"]+\" height=\"([0-9.]+)\" fill=\"" + barFill + "\"").matcher(svg);
        List<Double> heights = new ArrayList<>();
        while (rect.find()) {
            heights.add(Double.parseDouble(rect.group(1)));
        }
        assertThat(heights).hasSize(rows.size());
        assertThat(heights.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isCloseTo(tallestBar, within(1.5));
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    @Test
    void revenueBySegmentDrawsEachSliceAtItsShareOfTheCircle() {
        ResultData result = openAndRun("sales__customers_by_segment__v1", "Revenue by segment");
        waitUntil(10, "the pie", () -> drawn("Revenue by segment", "#chart-pie", PieChart.class) != null);
        PieChart pie = drawn("Revenue by segment", "#chart-pie", PieChart.class);
        settle(pie);

        double total = result.rows().stream().mapToDouble(r -> number(r.get("revenue"))).sum();
        List<PieChart.Data> slices = fx(() -> List.copyOf(pie.getData()));
        assertThat(slices).hasSize(result.rows().size()).hasSizeGreaterThan(1);
        double sum = 0;
        for (Map<String, Object> row : result.rows()) {
            String segment = String.valueOf(row.get("segment"));
            PieChart.Data slice = slices.stream().filter(d -> d.getName().startsWith(segment + " ")
                    || d.getName().equals(segment)).findFirst().orElseThrow();
            Arc arc = fx(() -> (Arc) ((Region) slice.getNode()).getShape());
            double angle = Math.abs(fx(arc::getLength));
            assertThat(angle).as("angle of " + segment).isCloseTo(360 * number(row.get("revenue")) / total,
                    within(0.05));
            sum += angle;
        }
        assertThat(sum).isCloseTo(360, within(0.1));

        // as SVG every slice is a filled arc
        String svg = fx(() -> io.sightline.desktop.visualization.SvgExport.svg(pie));
        long arcs = java.util.regex.Pattern.compile("<path [^>]*d=\"M[^\"]* A[^\"]*Z\" fill=\"#").matcher(svg)
                .results().count();
        assertThat(arcs).isEqualTo(slices.size());
    }

    @Test
    void theLatestDaysRevenueCounterShowsTheValueFormattedAndTheTrendAgainstItsTarget() {
        ResultData result = openAndRun("sales__revenue_latest_day_vs_target__v1", "Revenue of the latest day vs target");
        waitUntil(10, "the counter", () -> drawn("Revenue of the latest day vs target", "#counter-tile",
                Tile.class) != null);
        Tile tile = drawn("Revenue of the latest day vs target", "#counter-tile", Tile.class);

        double revenue = number(result.rows().get(0).get("revenue"));
        double target = number(result.rows().get(0).get("target"));
        String expected = "$" + String.format(java.util.Locale.ROOT, "%,.0f", revenue);
        assertThat(fx(tile::getDescription)).isEqualTo(expected);
        assertThat(fx(tile::getTitle)).isEqualTo("Revenue, latest day");
        String arrow = revenue > target ? "\u25B2" : "\u25BC";
        assertThat(fx(tile::getText)).isEqualTo(arrow + " target $" + String.format(java.util.Locale.ROOT,
                "%,.0f", target));
        // what is on screen: the tile's description text node shows the same value
        assertThat(fx(() -> tile.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList())).contains(expected);
    }

    @Test
    void theDemoChoroplethFillsEachCountryInTheColourOfItsRevenuesClass() {
        ResultData result = openAndRun("sales__revenue_by_country__v1", "Revenue by country");
        waitUntil(15, "the map", () -> mapIn("Revenue by country") != null);
        io.sightline.desktop.visualization.map.MapView map = mapIn("Revenue by country");
        assertThat(fx(map::problems)).as("keys the map could not place").isEmpty();
        java.util.Map<String, Double> revenue = new java.util.HashMap<>();
        result.rows().forEach(r -> revenue.put((String) r.get("country"), number(r.get("revenue"))));
        assertThat(revenue).containsKeys("BRA", "CAN");
        // the demo's classes: five quantiles between Redash's default colours
        var scale = io.sightline.common.visualization.map.ColorScale.of(revenue.values(), "q", 5,
                io.sightline.common.visualization.map.ChoroplethShape.DEFAULT_MIN,
                io.sightline.common.visualization.map.ChoroplethShape.DEFAULT_MAX);
        // a point well inside each country (longitude, latitude)
        java.util.Map<String, double[]> interiors = java.util.Map.of("BRA", new double[] {-50, -10},
                "CAN", new double[] {-100, 58}, "USA", new double[] {-100, 40}, "AUS", new double[] {135, -25},
                "IND", new double[] {79, 22}, "CHN", new double[] {105, 35}, "MEX", new double[] {-102, 24},
                "ARG", new double[] {-65, -35}, "ZAF", new double[] {24, -29}, "DEU", new double[] {10, 51});
        java.util.Set<String> classes = new java.util.HashSet<>();
        int sampled = 0;
        for (var country : interiors.entrySet()) {
            if (revenue.containsKey(country.getKey())) {
                String expected = scale.colorOf(revenue.get(country.getKey()), null).hex();
                assertThat(pixelAt(map, country.getValue()[0], country.getValue()[1]))
                        .as(country.getKey() + "'s interior, revenue " + revenue.get(country.getKey()))
                        .isEqualToIgnoringCase(expected);
                classes.add(expected.toLowerCase(java.util.Locale.ROOT));
                sampled++;
            }
        }
        assertThat(sampled).as("countries of the demo sampled").isGreaterThanOrEqualTo(5);
        assertThat(classes).as("the samples fall in more than one class").hasSizeGreaterThan(1);
    }

    @Test
    void aDemoStoreIsMarkedWhereItIsOnceZoomedOutOfItsCluster() {
        ResultData result = openAndRun("sales__store_locations__v1", "Store locations");
        waitUntil(15, "the map", () -> mapIn("Store locations") != null);
        io.sightline.desktop.visualization.map.MapView map = mapIn("Store locations");
        assertThat(fx(map::problems)).as("rows the map could not place").isEmpty();
        // the store farthest from any other: zoomed in on, it stands alone, a pin rather than a cluster
        java.util.Map<String, Object> loneliest = null;
        double farthest = -1;
        for (var store : result.rows()) {
            double nearest = Double.MAX_VALUE;
            for (var other : result.rows()) {
                if (other != store) {
                    nearest = Math.min(nearest, Math.hypot(number(store.get("latitude")) - number(other.get("latitude")),
                            number(store.get("longitude")) - number(other.get("longitude"))));
                }
            }
            if (nearest > farthest) {
                farthest = nearest;
                loneliest = store;
            }
        }
        double lat = number(loneliest.get("latitude"));
        double lon = number(loneliest.get("longitude"));
        for (int i = 0; i < 6; i++) {
            interact(() -> {
                javafx.geometry.Point2D at = screenOf(map, lon, lat);
                map.zoomAt(at.getX(), at.getY(), 2);
            });
        }
        javafx.geometry.Point2D store = fx(() -> screenOf(map, lon, lat));
        assertThat(pixelAt(map, store.add(0, -4))).as("the pin of " + loneliest.get("name") + ", just above its point")
                .isEqualToIgnoringCase(io.sightline.common.visualization.map.MarkerLayer.PIN.hex());
    }

    private static javafx.geometry.Point2D screenOf(io.sightline.desktop.visualization.map.MapView map, double lon,
                                                    double lat) {
        return map.toScreen(io.sightline.desktop.visualization.map.Mercator.x(lon),
                io.sightline.desktop.visualization.map.Mercator.y(lat));
    }

    private String pixelAt(io.sightline.desktop.visualization.map.MapView map, double lon, double lat) {
        return pixelAt(map, fx(() -> screenOf(map, lon, lat)));
    }

    /** The map's colour at a point of it, as "#rrggbb", once its pending frames are drawn. */
    private String pixelAt(io.sightline.desktop.visualization.map.MapView map, javafx.geometry.Point2D at) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            map.redraw();
            javafx.scene.paint.Color c = map.snapshot(null, null).getPixelReader().getColor(
                    (int) Math.round(at.getX()), (int) Math.round(at.getY()));
            return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                    Math.round(c.getBlue() * 255));
        });
    }

    private io.sightline.desktop.visualization.map.MapView mapIn(String visualizationName) {
        return fx(() -> {
            java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
            Node content = visualizationTab(visualizationName).getContent();
            if (content != null) {
                todo.add(content);
            }
            while (!todo.isEmpty()) {
                Node node = todo.poll();
                if (node instanceof io.sightline.desktop.visualization.map.MapView map) {
                    return map;
                }
                if (node instanceof javafx.scene.Parent parent) {
                    todo.addAll(parent.getChildrenUnmodifiable());
                }
            }
            return null;
        });
    }
}
