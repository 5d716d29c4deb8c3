package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Charts draw their series in Redash's colours: a series' own saved colour, else Redash's palette by its place. */
class ChartColoursTest {

    private static final ResultData SALES = RendererFx.result(List.of(new ResultColumn("region", "string"),
                    new ResultColumn("shop", "float"), new ResultColumn("web", "float")),
            new Object[] {"EMEA", 100.0, 40.0}, new Object[] {"APAC", 250.0, 60.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void columnsAndTheirLegendTakeTheSavedColourOrRedashsPalette() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column",
                "columnMapping", Map.of("region", "x", "shop", "y", "web", "y"),
                "seriesOptions", Map.of("web", Map.of("color", "#FB8D3D"))), SALES);
        XYChart<?, ?> chart = (XYChart<?, ?>) RendererFx.fx(() -> root.lookup("#chart-bars"));

        assertThat(fills(chart, 0)).as("shop: Redash's first colour").containsOnly("#356aff");
        assertThat(fills(chart, 1)).as("web: its own").containsOnly("#fb8d3d");
        assertThat(RendererFx.fx(() -> root.lookupAll(".chart-legend-item-symbol").stream()
                .map(ChartColoursTest::nearest).toList())).as("the legend in the same colours")
                .containsExactly("#356aff", "#fb8d3d");
    }

    @Test
    void aPiesSlicesTakeRedashsPaletteInOrder() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "pie",
                "columnMapping", Map.of("region", "x", "shop", "y")), SALES);
        PieChart pie = (PieChart) RendererFx.fx(() -> root.lookup("#chart-pie"));

        assertThat(RendererFx.fx(() -> pie.getData().stream().map(d -> nearest(d.getNode())).toList()))
                .containsExactly("#356aff", "#e92828");
    }

    @Test
    void aStackedAreasBandsAreFilledInTheirSeriesColourSeenThrough() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "area",
                "series", Map.of("stacking", "stack"), "columnMapping", Map.of("region", "x", "shop", "y", "web", "y")),
                SALES);

        List<String> bands = RendererFx.fx(() -> root.lookupAll(".chart-series-area-fill").stream().map(n -> {
            Color c = (Color) ((javafx.scene.shape.Shape) n).getFill();
            return String.format(java.util.Locale.ROOT, "#%02x%02x%02x %.1f", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
        }).toList());
        assertThat(bands).containsExactly("#356aff 0.2", "#e92828 0.2");
    }

    @Test
    void theNinthAndTenthSeriesTakeTheirOwnPaletteColoursNotTheFirstAndSecondsAgain() throws Exception {
        List<ResultColumn> columns = new java.util.ArrayList<>(List.of(new ResultColumn("day", "string")));
        Map<String, Object> mapping = new java.util.LinkedHashMap<>(Map.of("day", "x"));
        Object[] monday = new Object[11];
        Object[] tuesday = new Object[11];
        monday[0] = "Mon";
        tuesday[0] = "Tue";
        for (int i = 1; i <= 10; i++) {
            columns.add(new ResultColumn("s" + i, "float"));
            mapping.put("s" + i, "y");
            monday[i] = (double) i;
            tuesday[i] = i + 0.5;
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", mapping), RendererFx.result(columns, monday, tuesday));
        XYChart<?, ?> chart = (XYChart<?, ?>) RendererFx.fx(() -> root.lookup("#chart-line"));

        List<String> lines = RendererFx.fx(() -> chart.getData().stream()
                .map(s -> hex((Color) ((javafx.scene.shape.Shape) s.getNode()).getStroke())).toList());
        List<String> points = RendererFx.fx(() -> chart.getData().stream().map(s -> hex((Color)
                ((javafx.scene.layout.Region) s.getData().get(0).getNode()).getBackground().getFills().get(0)
                        .getFill())).toList());
        List<String> swatches = RendererFx.fx(() -> root.lookupAll(".chart-legend-item-symbol").stream()
                .map(n -> hex((Color) ((javafx.scene.layout.Region) n).getBackground().getFills().get(0).getFill()))
                .toList());
        List<String> palette = io.sightline.common.visualization.SeriesColors.PALETTE.subList(0, 10);
        assertThat(lines).as("each line in its palette colour").isEqualTo(palette);
        assertThat(points).as("and its points").isEqualTo(palette);
        assertThat(swatches).as("and its legend swatch").isEqualTo(palette);
        assertThat(lines.get(8)).isNotEqualTo(lines.get(0));
        assertThat(lines.get(9)).isNotEqualTo(lines.get(1));
    }

    @Test
    void aPiesNinthAndTenthSlicesTakeTheirOwnPaletteColours() throws Exception {
        Object[][] rows = new Object[10][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new Object[] {"region " + i, 100.0, 0.0};
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "pie",
                "columnMapping", Map.of("region", "x", "shop", "y")), RendererFx.result(SALES.columns(), rows));
        PieChart pie = (PieChart) RendererFx.fx(() -> root.lookup("#chart-pie"));

        List<String> slices = RendererFx.fx(() -> pie.getData().stream().map(d -> nearest(d.getNode())).toList());
        assertThat(slices.subList(8, 10)).as("not the first and second's again")
                .isEqualTo(io.sightline.common.visualization.SeriesColors.PALETTE.subList(8, 10));
        List<String> swatches = RendererFx.fx(() -> root.lookupAll(".chart-legend-item-symbol").stream()
                .map(ChartColoursTest::nearest).toList());
        assertThat(swatches.subList(8, 10)).as("and their legend swatches")
                .isEqualTo(io.sightline.common.visualization.SeriesColors.PALETTE.subList(8, 10));
    }

    private static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static List<String> fills(XYChart<?, ?> chart, int series) {
        return RendererFx.fx(() -> chart.getData().get(series).getData().stream()
                .map(d -> nearest(d.getNode())).distinct().toList());
    }

    /**
     * The colour drawn at a node's centre, as the nearest of Redash's palette and JavaFX's default chart colours
     * (a bar or a slice is a gradient derived from its colour, a few per cent lighter or darker).
     */
    private static String nearest(Node node) {
        javafx.scene.image.WritableImage shot = node.snapshot(null, null);
        Color drawn = shot.getPixelReader().getColor((int) shot.getWidth() / 2, (int) shot.getHeight() / 2);
        List<String> candidates = new java.util.ArrayList<>(io.sightline.common.visualization.SeriesColors.PALETTE);
        candidates.addAll(List.of("#f3622d", "#fba71b", "#57b757", "#41a9c9", "#4258c9", "#9a42c8", "#c84164",
                "#888888"));
        return candidates.stream().min(java.util.Comparator.comparingDouble(c -> distance(Color.web(c), drawn)))
                .orElseThrow();
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
