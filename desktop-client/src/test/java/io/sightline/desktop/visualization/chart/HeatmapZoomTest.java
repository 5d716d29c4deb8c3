package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A heatmap of 24 hours by 12 weeks zooms with the wheel into fewer, larger cells around the one under the pointer,
 * pans with a drag, and shows every cell again on a double click.
 */
class HeatmapZoomTest {

    private static final int HOURS = 24;
    private static final int WEEKS = 12;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theWheelShowsFewerLargerCellsAroundThePointerAndADoubleClickAllAgain() throws Exception {
        HeatmapCells heatmap = show();
        Rectangle2D before = RendererFx.fx(() -> heatmap.area(heatmap.cells().get(0)));
        Point2D at = onScreen(heatmap, 0.3, 0.6);
        HeatmapCells.Cell under = cellAt(heatmap, at);

        new FxRobot().moveTo(at).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> hours = shownLabels(heatmap, "heatmap-x-label");
        List<String> weeks = shownLabels(heatmap, "heatmap-y-label");
        assertThat(hours.size()).as("fewer hours named along the bottom").isBetween(2, HOURS * 6 / 10);
        assertThat(weeks.size()).as("fewer weeks named down the side").isBetween(2, WEEKS * 6 / 10);
        List<HeatmapCells.Cell> shown = heatmap.shownCells();
        assertThat(shown.stream().map(HeatmapCells.Cell::x).distinct().toList()).as("the hours next to each other")
                .containsExactlyElementsOf(hours);
        assertThat(shown).hasSize(hours.size() * weeks.size());
        Rectangle2D after = RendererFx.fx(() -> heatmap.area(shown.get(0)));
        assertThat(after.getWidth()).as("wider cells").isGreaterThan(before.getWidth() * 1.5);
        assertThat(after.getHeight()).as("taller cells").isGreaterThan(before.getHeight() * 1.5);
        assertThat(cellAt(heatmap, at)).as("the cell under the pointer stays under it").isEqualTo(under);
        assertThat(drawnColour(heatmap, shown.get(0))).as("on the screen, in its colour").isEqualTo(shown.get(0).fill());
        String svg = RendererFx.fx(heatmap::svg);
        assertThat(svg.split("<rect ", -1).length - 1).as("Save as SVG writes the cells in view alone")
                .isEqualTo(shown.size());

        new FxRobot().doubleClickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heatmap.shownCells()).hasSize(HOURS * WEEKS);
        assertThat(shownLabels(heatmap, "heatmap-y-label")).hasSize(WEEKS);
    }

    @Test
    void aDragMovesTheWindowByTheCellsThePointerCrossed() throws Exception {
        HeatmapCells heatmap = show();
        FxRobot robot = new FxRobot();
        robot.moveTo(onScreen(heatmap, 0.5, 0.5)).scroll(5, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapCells.Cell firstBefore = heatmap.shownCells().get(0);
        Rectangle2D cell = RendererFx.fx(() -> heatmap.area(firstBefore));

        Point2D from = onScreen(heatmap, 0.6, 0.4);
        Point2D to = new Point2D(from.getX() - 2 * cell.getWidth(), from.getY() + cell.getHeight());
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX() - cell.getWidth(), from.getY()))
                .dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();

        HeatmapCells.Cell firstAfter = heatmap.shownCells().get(0);
        assertThat(firstAfter.column() - firstBefore.column()).as("dragged left by two cells: two later hours came in")
                .isEqualTo(2);
        assertThat(firstAfter.row() - firstBefore.row()).as("dragged down by one: the week above came in")
                .isEqualTo(1);
    }

    private static HeatmapCells show() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int week = 1; week <= WEEKS; week++) {
            for (int hour = 0; hour < HOURS; hour++) {
                rows.add(new Object[] {hour, String.format("week %02d", week), (hour * 7 + week * 13) % 50});
            }
        }
        ResultData result = RendererFx.result(List.of(new ResultColumn("hour", "integer"),
                new ResultColumn("week", "string"), new ResultColumn("orders", "integer")), rows.toArray(Object[][]::new));
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "heatmap",
                "columnMapping", Map.of("hour", "x", "week", "y", "orders", "zVal")), result);
        return (HeatmapCells) RendererFx.fx(() -> root.lookup("#chart-heatmap"));
    }

    /** A point of the cells' drawing, {@code fx} and {@code fy} of the way across and down, on the screen. */
    private static Point2D onScreen(HeatmapCells heatmap, double fx, double fy) {
        return RendererFx.fx(() -> {
            Rectangle2D plot = heatmap.plot();
            return heatmap.localToScreen(plot.getMinX() + plot.getWidth() * fx, plot.getMinY() + plot.getHeight() * fy);
        });
    }

    private static HeatmapCells.Cell cellAt(HeatmapCells heatmap, Point2D onScreen) {
        return RendererFx.fx(() -> {
            Point2D local = heatmap.screenToLocal(onScreen);
            return heatmap.cellAt(local.getX(), local.getY()).orElseThrow();
        });
    }

    private static List<String> shownLabels(HeatmapCells heatmap, String styleClass) {
        return RendererFx.fx(() -> heatmap.lookupAll("." + styleClass).stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).toList());
    }

    private static String drawnColour(HeatmapCells heatmap, HeatmapCells.Cell cell) {
        return RendererFx.fx(() -> {
            Rectangle2D at = heatmap.area(cell);
            javafx.scene.paint.Color c = heatmap.snapshot(null, null).getPixelReader()
                    .getColor((int) at.getMinX() + 3, (int) at.getMinY() + 3);
            return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                    Math.round(c.getBlue() * 255));
        });
    }
}
