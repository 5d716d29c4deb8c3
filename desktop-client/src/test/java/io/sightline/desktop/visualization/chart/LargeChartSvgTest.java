package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.dataset.DataSet;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.ImageExport;
import io.sightline.desktop.visualization.SvgExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Parent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A large chart saved as SVG is vectors, not pictures of ChartFX's canvases: its axes with their tick labels, each line
 * as polylines through the points ChartFX was handed (broken at the gaps), a scatter's dots as one compact path.
 */
class LargeChartSvgTest {

    private static final Pattern POLYLINE = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"");
    private static final Pattern DOTS = Pattern.compile("<path [^>]*stroke-linecap=\"square\" d=\"([^\"]*)\"");

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aThinnedLineIsPolylinesThroughThePointsDrawnBrokenAtItsGap() throws Exception {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Double load = i >= 8_000 && i < 9_000 ? null : 100 + 50 * Math.sin(i / 300.0);
            rows.add(row("minute", start.plusMinutes(i).toString(), "load", load));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "yAxis", List.of(Map.of("title", Map.of("text", "Load"))),
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));
        XYChart chart = (XYChart) root.lookup("#chart-large-line");

        String svg = exported(root, "large-line");

        assertThat(svg).as("vectors, not a picture of a canvas").doesNotContain("<image");
        List<String> polylines = groups(POLYLINE, svg);
        assertThat(polylines).as("the line in two pieces, either side of its gap").hasSize(2);
        DataSet drawn = chart.getRenderers().get(0).getDatasets().get(0);
        int points = 0;
        for (int i = 0; i < drawn.getDataCount(); i++) {
            points += Double.isNaN(drawn.get(DataSet.DIM_Y, i)) ? 0 : 1;
        }
        assertThat(points).as("thinned to the line's budget").isLessThanOrEqualTo(LargeXyChart.LINE_POINTS);
        assertThat(polylines.stream().mapToInt(p -> p.split(" ").length).sum())
                .as("every point ChartFX was handed, once").isEqualTo(points);
        String first = RendererFx.fx(() -> LargeChartSvg.tenths(chart.getXAxis().getDisplayPosition(
                drawn.get(DataSet.DIM_X, 0))) + "," + LargeChartSvg.tenths(chart.getYAxis().getDisplayPosition(
                drawn.get(DataSet.DIM_Y, 0))));
        assertThat(polylines.get(0)).as("where ChartFX draws the first point").startsWith(first + " ");
        List<String> yLabels = RendererFx.fx(() -> chart.getYAxis().getTickMarks().stream()
                .filter(TickMark::isVisible).map(TickMark::getText).toList());
        assertThat(yLabels).isNotEmpty();
        for (String label : yLabels) {
            assertThat(svg).as("the y axis's tick label " + label).contains(">" + label + "</text>");
        }
        assertThat(svg).as("the axis title").contains(">Load</text>");
    }

    @Test
    void aHundredThousandPointScatterIsOnePathOfDotsInAFewMegabytes() throws Exception {
        Random random = new Random(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(row("width", random.nextGaussian() * 10, "weight", random.nextGaussian() * 3 + 50));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "scatter",
                "columnMapping", Map.of("width", "x", "weight", "y")), new ResultData(List.of(
                new ResultColumn("width", "float"), new ResultColumn("weight", "float")), rows));
        XYChart chart = (XYChart) root.lookup("#chart-large-scatter");
        assertThat(chart).isNotNull();

        String svg = exported(root, "large-scatter");
        long began = System.nanoTime();
        RendererFx.fx(() -> SvgExport.svg(root));
        long millis = (System.nanoTime() - began) / 1_000_000;
        int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("100,000-point scatter as SVG: %,d bytes in %,d ms%n", bytes, millis);

        assertThat(svg).as("vectors, not a picture of a canvas").doesNotContain("<image");
        List<String> paths = groups(DOTS, svg);
        assertThat(paths).as("one path of dots for the one series").hasSize(1);
        int dots = paths.get(0).split("h0", -1).length - 1;
        assertThat(dots).as("a dot per point, those at the same tenth of a pixel once").isBetween(50_000, 100_000);
        assertThat(bytes).as("a reasonable file").isLessThan(3_000_000);
        assertThat(svg).as("the x axis's tick labels").contains(">0</text>");
    }

    @Test
    void twoLinesArePolylinesOfTheirColoursWithTheirLegend() throws Exception {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            rows.add(row("minute", start.plusMinutes(i).toString(), "host", "web", "load", 1.0 * i));
            rows.add(row("minute", start.plusMinutes(i).toString(), "host", "db", "load", 2.0 * i));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("minute", "x", "host", "series", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("host", "string"),
                new ResultColumn("load", "float")), rows));

        String svg = exported(root, "large-two-lines");

        assertThat(svg).as("the legend's symbols as vectors too, no picture of a canvas").doesNotContain("<image");
        assertThat(svg).contains(">web<", ">db<");
        List<String> colours = groups(Pattern.compile("<polyline [^>]*stroke=\"(#[0-9a-f]{6})\""), svg);
        assertThat(colours).as("a polyline per series, each in its own colour").hasSize(2).doesNotHaveDuplicates();
        for (String colour : colours) {
            assertThat(svg).as("its legend symbol").contains("stroke=\"" + colour + "\" stroke-width=\"2\"");
        }
    }

    private static String exported(Parent root, String name) throws Exception {
        Path folder = Path.of("target", "exports");
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".svg");
        RendererFx.fx(() -> {
            ImageExport.writePng(root, folder.resolve(name + ".png")); // beside it, to compare by eye
            SvgExport.write(root, file);
            return null;
        });
        return Files.readString(file);
    }

    private static List<String> groups(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
