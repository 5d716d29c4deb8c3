package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Line and area charts with Redash's {@code swappedAxes}: the regions up the left side, the values along the bottom,
 * each line drawn from the first region (at the bottom) upwards and each area filled sideways from its base.
 */
class SwappedAxesChartTest {

    private static final ResultData REGIONS = RendererFx.result(List.of(new ResultColumn("region", "string"),
                    new ResultColumn("online", "float"), new ResultColumn("stores", "float")),
            new Object[] {"APAC", 1000.0, 500.0}, new Object[] {"EMEA", 3000.0, 700.0},
            new Object[] {"LATAM", 2000.0, 400.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Map<String, Object> options(String type, boolean stacked, String... ys) {
        Map<String, Object> mapping = new java.util.LinkedHashMap<>();
        mapping.put("region", "x");
        for (String y : ys) {
            mapping.put(y, "y");
        }
        return Map.of("globalSeriesType", type, "swappedAxes", true, "columnMapping", mapping,
                "series", stacked ? Map.of("stacking", "stack") : Map.of());
    }

    @Test
    void aSwappedLinePutsTheRegionsUpTheSideAndTheValuesAlongTheBottom() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("line", false, "online"), REGIONS);

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        assertThat(chart.getXAxis()).as("values along the bottom").isInstanceOf(NumberAxis.class);
        assertThat(chart.getYAxis()).as("regions up the side").isInstanceOf(CategoryAxis.class);
        assertThat(((CategoryAxis) chart.getYAxis()).getCategories()).containsExactly("APAC", "EMEA", "LATAM");
        double[] values = {1000, 3000, 2000};
        String[] regions = {"APAC", "EMEA", "LATAM"};
        double previousY = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Node symbol = chart.getData().get(0).getData().get(i).getNode();
            Bounds at = RendererFx.fx(() -> symbol.localToScene(symbol.getBoundsInLocal()));
            Point2D expected = scene(chart, values[i], regions[i]);
            assertThat(at.getCenterX()).as(regions[i] + "'s value along the bottom").isCloseTo(expected.getX(),
                    within(1.5));
            assertThat(at.getCenterY()).as(regions[i] + " at its row").isCloseTo(expected.getY(), within(1.5));
            assertThat(at.getCenterY()).as(regions[i] + " above the region before").isLessThan(previousY);
            previousY = at.getCenterY();
        }
        Path line = (Path) chart.getData().get(0).getNode();
        List<Double> ys = RendererFx.fx(() -> line.getElements().stream().map(e -> e instanceof MoveTo m ? m.getY()
                : ((LineTo) e).getY()).toList());
        assertThat(ys).as("the line goes from one region to the next, not from one value to the next (no zigzag)")
                .isSortedAccordingTo(Double::compare);
        assertThat(ys.stream().distinct().count()).as("through the three regions").isEqualTo(3);
    }

    @Test
    void aSwappedAreaIsFilledSidewaysFromZeroToItsValue() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("area", false, "online"), REGIONS);

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-area");
        assertThat(chart.getXAxis()).isInstanceOf(NumberAxis.class);
        List<Node> fills = RendererFx.all(root, "chart-series-area-fill");
        assertThat(fills).hasSize(1);
        Bounds fill = RendererFx.fx(() -> fills.get(0).localToScene(fills.get(0).getBoundsInLocal()));
        assertThat(fill.getMinX()).as("from zero").isCloseTo(scene(chart, 0, "APAC").getX(), within(1.5));
        assertThat(fill.getMaxX()).as("to EMEA's 3,000").isCloseTo(scene(chart, 3000, "EMEA").getX(),
                within(1.5));
        assertThat(fill.getMaxY()).as("from APAC").isCloseTo(scene(chart, 0, "APAC").getY(), within(1.5));
        assertThat(fill.getMinY()).as("to LATAM").isCloseTo(scene(chart, 0, "LATAM").getY(), within(1.5));
    }

    @Test
    void stackedSwappedAreasStartWhereTheOneBeforeEnds() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("area", true, "online", "stores"), REGIONS);

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-area");
        List<Node> fills = RendererFx.all(root, "chart-series-area-fill");
        assertThat(fills).hasSize(2);
        Bounds stores = RendererFx.fx(() -> fills.get(1).localToScene(fills.get(1).getBoundsInLocal()));
        assertThat(stores.getMinX()).as("stores start at online's smallest, APAC's 1,000")
                .isCloseTo(scene(chart, 1000, "APAC").getX(), within(1.5));
        assertThat(stores.getMaxX()).as("and reach EMEA's 3,000 + 700")
                .isCloseTo(scene(chart, 3700, "EMEA").getX(), within(1.5));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"column", "line", "area", "scatter"})
    void theLastValueTickLabelIsWhollyInsideTheChart(String type) throws Exception {
        ResultData sales = RendererFx.result(List.of(new ResultColumn("region", "string"),
                        new ResultColumn("online", "float")),
                new Object[] {"APAC", 1_200_000.0}, new Object[] {"EMEA", 3_400_000.0},
                new Object[] {"LATAM", 2_100_000.0});
        Map<String, Object> options = new java.util.HashMap<>(options(type, false, "online"));
        options.put("numberFormat", "$0,0.00");
        Parent root = RendererFx.show(new ChartRenderer(), options, sales);

        XYChart<?, ?> chart = (XYChart<?, ?>) RendererFx.all(root, "visualization-chart").get(0);
        Axis<?> values = chart.getXAxis();
        javafx.scene.text.Text last = RendererFx.fx(() -> values.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> (javafx.scene.text.Text) n)
                .max(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMaxX()))
                .orElseThrow());
        Bounds label = RendererFx.fx(() -> last.localToScene(last.getBoundsInLocal()));
        Bounds drawn = RendererFx.fx(() -> chart.localToScene(chart.getLayoutBounds()));
        assertThat(last.getText()).as("the last tick is the largest value").startsWith("$3,");
        assertThat(label.getMaxX()).as("'" + last.getText() + "' ends inside the chart's right edge")
                .isLessThanOrEqualTo(drawn.getMaxX());
        assertThat(label.getMaxX()).as("and inside the window").isLessThanOrEqualTo(RendererFx.WIDTH);
    }

    /** Where a value and a region are drawn, in the scene. */
    @SuppressWarnings("unchecked")
    private static Point2D scene(XYChart<?, ?> chart, double value, String region) {
        return RendererFx.fx(() -> {
            Axis<Number> values = (Axis<Number>) chart.getXAxis();
            Axis<String> regions = (Axis<String>) chart.getYAxis();
            double x = values.localToScene(values.getDisplayPosition(value), 0).getX();
            double y = regions.localToScene(0, regions.getDisplayPosition(region)).getY();
            return new Point2D(x, y);
        });
    }
}
