package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A line past the point budget, drawn by ChartFX, leaves a gap where it has no value, as the smaller charts do: the
 * pixels of the plot between the points on either side of the gap are not the line's.
 */
class LargeLineGapsTest {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final int MINUTES = 3_000; // past the budget of 2,000
    private static final int GAP_FROM = 1_200;
    private static final int GAP_TO = 1_500; // the hours from minute 1,200 to 1,499 have no load

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongLineWithNullValuesLeavesAGapThere() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            rows.add(row("minute", START.plusMinutes(i).toString(), "load", inGap(i) ? null : level(i, 100.0)));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));

        assertGapAcrossTheMiddle((XYChart) root.lookup("#chart-large-line"));
    }

    @Test
    void aSeriesMissingMinutesLeavesAGapWhenMissingValuesAreNotZeros() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            String minute = START.plusMinutes(i).toString();
            if (!inGap(i)) {
                rows.add(row("minute", minute, "host", "web", "load", 100.0));
            }
            rows.add(row("minute", minute, "host", "db", "load", level(i, 20.0)));
        }
        Map<String, Object> options = new HashMap<>();
        options.put("globalSeriesType", "line");
        options.put("missingValuesAsZero", false);
        options.put("columnMapping", Map.of("minute", "x", "host", "series", "load", "y"));
        Parent root = RendererFx.show(new ChartRenderer(), options, new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("host", "string"),
                new ResultColumn("load", "float")), rows));

        assertGapAcrossTheMiddle((XYChart) root.lookup("#chart-large-line"));
    }

    @Test
    void aLineDrawnRightToLeftLeavesTheGapToo() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            rows.add(row("minute", START.plusMinutes(i).toString(), "load", inGap(i) ? null : level(i, 100.0)));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line", "reverseX", true,
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));

        assertGapAcrossTheMiddle((XYChart) root.lookup("#chart-large-line"));
    }

    /**
     * Rows not in time order, left unsorted ({@code sortX: false}): the line goes from the later minutes back to the
     * first ones, and still breaks where the load is missing.
     */
    @Test
    void aLineWhoseXGoesBackLeavesTheGapToo() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 2_000; i < MINUTES + 2_000; i++) {
            int minute = i % MINUTES; // 2,000 … 2,999, then 0 … 1,999
            rows.add(row("minute", START.plusMinutes(minute).toString(), "load",
                    inGap(minute) ? null : level(minute, 100.0)));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line", "sortX", false,
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));

        // the jump back from the last minute (200) to the first (0) crosses 100 at minute 1,500: look left of it
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        assertGap(chart, GAP_TO - 100);
        RendererFx.fx(() -> {
            PixelReader pixels = chart.getCanvas().snapshot(null, null).getPixelReader();
            int y = (int) Math.round(chart.getYAxis().getDisplayPosition(100.0));
            assertThat(lineNear(pixels, column(chart, 2_500), y)).as("the later minutes, listed first, drawn too")
                    .isTrue();
            return null;
        });
    }

    /**
     * The same unsorted line on a logarithmic y axis, with a hundred values below zero before the gap: those are left
     * out (as is minute 0's zero), and the gap stays where it is, not a hundred points later.
     */
    @Test
    void anUnsortedLineOnALogarithmicAxisKeepsItsGapWhereValuesBeforeItAreLeftOut() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 2_000; i < MINUTES + 2_000; i++) {
            int minute = i % MINUTES;
            Double load = inGap(minute) ? null : minute >= 100 && minute < 200 ? -1.0
                    : minute == 1 ? 10.0 : level(minute, 100.0); // 10 in minute 1: 100 well inside the axis
            rows.add(row("minute", START.plusMinutes(minute).toString(), "load", load));
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line", "sortX", false,
                "yAxis", List.of(Map.of("type", "logarithmic")),
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));

        assertGap((XYChart) root.lookup("#chart-large-line"), GAP_TO - 100);
    }

    /** The line at 100 is drawn left and right of the gap, and not in it. */
    private static void assertGapAcrossTheMiddle(XYChart chart) {
        assertGap(chart, GAP_TO - 20);
    }

    /** The line at 100 is drawn left and right of the gap, and not in it up to minute {@code until}. */
    private static void assertGap(XYChart chart, int until) {
        assertThat(chart).as("drawn by the large-data chart").isNotNull();
        RendererFx.fx(() -> {
            Canvas canvas = chart.getCanvas();
            PixelReader pixels = canvas.snapshot(null, null).getPixelReader();
            int y = (int) Math.round(chart.getYAxis().getDisplayPosition(100.0));
            assertThat(lineNear(pixels, column(chart, 600), y)).as("the line at 100 before the gap").isTrue();
            assertThat(lineNear(pixels, column(chart, 1_700), y)).as("and after it").isTrue();
            for (int minute = GAP_FROM + 20; minute < until; minute += 20) {
                assertThat(lineNear(pixels, column(chart, minute), y))
                        .as("no line across the gap at minute %d", minute).isFalse();
            }
            return null;
        });
    }

    /** {@code value}, but 0 in the first minute and 200 in the last, so that 100 is well inside the y axis. */
    private static double level(int minute, double value) {
        return minute == 0 ? 0 : minute == MINUTES - 1 ? 200 : value;
    }

    private static boolean inGap(int minute) {
        return minute >= GAP_FROM && minute < GAP_TO;
    }

    private static int column(XYChart chart, int minute) {
        return (int) Math.round(chart.getXAxis().getDisplayPosition(
                START.plusMinutes(minute).toEpochSecond(ZoneOffset.UTC)));
    }

    /**
     * True when a pixel within three rows of {@code y} is the line's: coloured, where the plot's background is white
     * and its grid lines grey.
     */
    private static boolean lineNear(PixelReader pixels, int x, int y) {
        for (int dy = -3; dy <= 3; dy++) {
            Color c = pixels.getColor(x, y + dy);
            if (c.getOpacity() > 0.5 && c.getSaturation() > 0.25) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
