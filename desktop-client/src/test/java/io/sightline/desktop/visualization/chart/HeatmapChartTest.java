package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A heatmap of known values: its cells, where they are, their colours (read off the screen), labels and tooltips. */
class HeatmapChartTest {

    private static final ResultData ORDERS = RendererFx.result(List.of(new ResultColumn("hour", "integer"),
                    new ResultColumn("weekday", "string"), new ResultColumn("orders", "integer")),
            new Object[] {9, "Mon", 20}, new Object[] {10, "Mon", 40}, new Object[] {11, "Mon", 0},
            new Object[] {9, "Tue", 100}, new Object[] {10, "Tue", 60});

    private static final Map<String, Object> OPTIONS = Map.of("globalSeriesType", "heatmap", "showDataLabels", true,
            "columnMapping", Map.of("hour", "x", "weekday", "y", "orders", "zVal"));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsACellPerWeekdayAndHourColouredFromTheSmallestToTheLargest() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, ORDERS);
        HeatmapCells heatmap = (HeatmapCells) RendererFx.fx(() -> root.lookup("#chart-heatmap"));

        List<HeatmapCells.Cell> cells = heatmap.cells();
        assertThat(cells).as("2 weekdays × 3 hours, Tue 11:00 as 0").hasSize(6);
        HeatmapCells.Cell tueNine = cell(cells, "100");
        HeatmapCells.Cell monNine = cell(cells, "20");
        assertThat(tueNine.fill()).as("the largest: the scheme's red end").isEqualTo("#e92827");
        assertThat(cells.stream().filter(c -> "#356aff".equals(c.fill()))).as("the two zeros: the blue end")
                .hasSize(2);
        Rectangle2D tue = RendererFx.fx(() -> heatmap.area(tueNine));
        Rectangle2D mon = RendererFx.fx(() -> heatmap.area(monNine));
        assertThat(mon.getMinY()).as("the first weekday at the bottom").isGreaterThan(tue.getMaxY() - 1);
        assertThat(mon.getMinX()).as("same hour, same column").isEqualTo(tue.getMinX());
        assertThat(tue.getWidth()).as("the cells fill the chart").isGreaterThan(100);

        // what is on the screen: each cell's colour at its centre, beside its value's label
        WritableImage shot = RendererFx.fx(() -> heatmap.snapshot(null, null));
        for (HeatmapCells.Cell cell : cells) {
            Rectangle2D at = RendererFx.fx(() -> heatmap.area(cell));
            Color pixel = shot.getPixelReader().getColor((int) (at.getMinX() + 4), (int) (at.getMinY() + 4));
            assertThat(hex(pixel)).as(cell.x() + " " + cell.y() + " drawn in its fill").isEqualTo(cell.fill());
        }
        Label mondayName = RendererFx.all(root, "heatmap-y-label").stream().map(Label.class::cast)
                .filter(l -> "Mon".equals(l.getText())).findFirst().orElseThrow();
        Point2D monName = RendererFx.fx(() -> heatmap.sceneToLocal(mondayName.localToScene(0,
                mondayName.getHeight() / 2)));
        assertThat(monName.getY()).as("Mon's name beside Mon's row").isBetween(mon.getMinY(), mon.getMaxY());
        assertThat(RendererFx.all(root, "heatmap-x-label").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("9", "10", "11");
        assertThat(RendererFx.all(root, "heatmap-cell")).as("no node per cell").isEmpty();
    }

    @Test
    void theTooltipNamesTheCellUnderTheMouse() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, ORDERS);
        HeatmapCells heatmap = (HeatmapCells) RendererFx.fx(() -> root.lookup("#chart-heatmap"));

        HeatmapCells.Cell tueTen = cell(heatmap.cells(), "60");
        Rectangle2D at = RendererFx.fx(() -> heatmap.area(tueTen));
        HeatmapCells.Cell under = RendererFx.fx(() -> heatmap.cellAt(at.getMinX() + at.getWidth() / 2,
                at.getMinY() + at.getHeight() / 2)).orElseThrow();
        assertThat(heatmap.tooltip(under)).isEqualTo("10 \u00B7 Tue: 60");
        HeatmapCells.Cell corner = RendererFx.fx(() -> heatmap.cellAt(at.getMaxX() - 1, at.getMaxY() - 1))
                .orElseThrow();
        assertThat(corner).as("the cell's far corner is still the cell").isEqualTo(tueTen);
        assertThat(RendererFx.fx(() -> heatmap.cellAt(at.getMinX(), -5))).as("above the cells").isEmpty();
    }

    @Test
    void writesTheCellsInTheStyleSheetsFont() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, ORDERS);
        HeatmapCells heatmap = (HeatmapCells) RendererFx.fx(() -> root.lookup("#chart-heatmap"));
        assertThat(RendererFx.fx(heatmap::svg)).as("the theme's size").contains("font-size=\"11.0\"");

        RendererFx.fx(() -> root.getScene().getStylesheets().add("data:text/css,"
                + URLEncoder.encode(".heatmap-cell-text { -fx-font-size: 17px; }", StandardCharsets.UTF_8)
                        .replace("+", "%20")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RendererFx.fx(heatmap::svg)).as("a style sheet's own size").contains("font-size=\"17.0\"")
                .doesNotContain("font-size=\"11.0\"");
    }

    private static HeatmapCells.Cell cell(List<HeatmapCells.Cell> cells, String text) {
        return cells.stream().filter(c -> text.equals(c.text())).findFirst().orElseThrow();
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
