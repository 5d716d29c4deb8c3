package io.sightline.desktop.visualization.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The cohort triangle of a known result: its cells, their text and their colour by retention, as drawn. */
class CohortRendererTest {

    private static final ResultData RETENTION = RendererFx.result(List.of(new ResultColumn("date", "date"),
                    new ResultColumn("day_number", "integer"), new ResultColumn("total", "integer"),
                    new ResultColumn("value", "integer")),
            new Object[] {"2024-01-01", 1, 100, 90}, new Object[] {"2024-01-01", 2, 100, 50},
            new Object[] {"2024-01-01", 3, 100, 10},
            new Object[] {"2024-01-02", 1, 200, 100}, new Object[] {"2024-01-02", 2, 200, 40},
            new Object[] {"2024-01-03", 1, 50, 5});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static CohortCells table(Parent root) {
        return (CohortCells) RendererFx.fx(() -> root.lookup("#cohort-grid"));
    }

    @Test
    void drawsATriangleOfPercentsWithHeadersAndCohortSizes() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of(), RETENTION);

        List<CohortCells.Cell> cells = table(root).cells();
        assertThat(cells).as("3 cohorts × 3 stages").hasSize(9);
        assertThat(cells.stream().map(CohortCells.Cell::text).toList()).containsExactly(
                "90.00%", "50.00%", "10.00%",
                "50.00%", "20.00%", "-",
                "10.00%", "-", "-");
        assertThat(cells.stream().filter(c -> c.fill() == null)).as("stages not reached").hasSize(3);
        assertThat(RendererFx.all(root, "cohort-header").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("Time", "Users", "1", "2", "3");
        assertThat(RendererFx.all(root, "cohort-time").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("January 1, 2024", "January 2, 2024", "January 3, 2024");
        assertThat(RendererFx.all(root, "cohort-people").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("100", "200", "50");
        CohortCells table = table(root);
        Label secondDay = (Label) RendererFx.all(root, "cohort-time").get(1);
        Label stageTwo = (Label) RendererFx.all(root, "cohort-header").get(3);
        Rectangle2D at = RendererFx.fx(() -> table.area(cells.get(4)));
        Point2D dayCentre = RendererFx.fx(() -> table.sceneToLocal(secondDay.localToScene(0, secondDay.getHeight() / 2)));
        Point2D titleCentre = RendererFx.fx(() -> table.sceneToLocal(stageTwo.localToScene(stageTwo.getWidth() / 2, 0)));
        assertThat(dayCentre.getY()).as("the second day's cell in its row").isBetween(at.getMinY(), at.getMaxY());
        assertThat(titleCentre.getX()).as("and under stage 2's title").isBetween(at.getMinX(), at.getMaxX());
    }

    @Test
    void higherRetentionIsDarkerAndTheTopClassIsTheMaxColour() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of(), RETENTION);
        CohortCells table = table(root);

        List<CohortCells.Cell> cells = table.cells();
        assertThat(cells.get(0).fill()).as("90 % is in the top class of 7").isEqualTo("#002fb4");
        assertThat(cells.get(1).fill()).isEqualTo("#5a85ff");
        assertThat(cells.get(2).fill()).isEqualTo("#ffffff");
        assertThat(cells.get(0).textFill()).as("white on dark blue").isEqualTo("#ffffff");
        assertThat(cells.get(2).textFill()).isEqualTo("#000000");

        // what is on the screen: each cell in its fill, its text in its colour, a stage not reached in the panel's
        WritableImage shot = RendererFx.fx(() -> table.snapshot(null, null));
        for (CohortCells.Cell cell : cells.subList(0, 3)) {
            Rectangle2D at = RendererFx.fx(() -> table.area(cell));
            assertThat(hex(shot.getPixelReader().getColor((int) at.getMinX() + 2, (int) at.getMinY() + 2)))
                    .as(cell.text() + " drawn in its fill").isEqualTo(cell.fill());
            assertThat(colours(shot, at)).as(cell.text() + "'s text written in its colour").contains(cell.textFill());
        }
        assertThat(brightness(shot, table, cells.get(0))).isLessThan(brightness(shot, table, cells.get(1)));
        assertThat(brightness(shot, table, cells.get(1))).isLessThan(brightness(shot, table, cells.get(2)));
        Rectangle2D empty = RendererFx.fx(() -> table.area(cells.get(5)));
        assertThat(hex(shot.getPixelReader().getColor((int) empty.getMinX() + 2, (int) empty.getMinY() + 2)))
                .as("a stage the cohort has not reached, in the theme's panel colour")
                .isEqualTo(RendererFx.fx(() -> hex((Color) ((Region) root.lookup(".cohort-empty")).getBackground()
                        .getFills().get(0).getFill())));
    }

    @Test
    void showsNumbersWhenPercentValuesIsOff() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of("percentValues", false), RETENTION);

        assertThat(table(root).cells().get(3).text()).isEqualTo("100");
    }

    @Test
    void aLargeCohortDrawsTheCellsInViewAndTheRestAsItScrolls() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int day = 0; day < 90; day++) {
            for (int stage = 1; stage <= 90 - day; stage++) {
                rows.add(new Object[] {first.plusDays(day).toString(), stage, 1000, 1000 - stage % 10 * 100});
            }
        }
        ResultData daily = RendererFx.result(RETENTION.columns(), rows.toArray(Object[][]::new));
        Parent root = RendererFx.show(new CohortRenderer(), Map.of("timeInterval", "daily"), daily);
        CohortCells table = table(root);
        ScrollPane scroll = (ScrollPane) RendererFx.fx(() -> root.lookup(".cohort-visualization"));
        Canvas canvas = (Canvas) RendererFx.fx(() -> root.lookup(".cohort-canvas"));

        assertThat(table.cells()).as("90 cohorts × 90 stages").hasSize(8100);
        assertThat(RendererFx.fx(() -> canvas.getWidth() * canvas.getHeight())).as("a canvas the size of the view")
                .isLessThanOrEqualTo((double) RendererFx.WIDTH * RendererFx.HEIGHT);
        CohortCells.Cell last = table.cells().stream().filter(c -> c.row() == 0 && c.stage() == 90).findFirst()
                .orElseThrow();
        CohortCells.Cell bottom = table.cells().stream().filter(c -> c.row() == 89 && c.stage() == 1).findFirst()
                .orElseThrow();
        RendererFx.fx(() -> {
            scroll.setHvalue(scroll.getHmax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(root, table, last)).as("stage 90 of the first day, scrolled to").isEqualTo(last.fill());
        RendererFx.fx(() -> {
            scroll.setHvalue(0);
            scroll.setVvalue(scroll.getVmax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(root, table, bottom)).as("the last day's first stage, scrolled to").isEqualTo(bottom.fill());
    }

    @Test
    void theTooltipGivesTheValueOfTheCellUnderThePointerAndNothingOverAHeader() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of("showTooltips", true), RETENTION);
        CohortCells table = table(root);
        List<CohortCells.Cell> cells = table.cells();
        FxRobot robot = new FxRobot();

        robot.moveTo(onScreen(table, cells.get(1))); // 50 % of 100 on the first day
        assertThat(RendererFx.shownTooltip()).as("the value of the 50 % cell").isEqualTo("50");
        robot.moveTo(onScreen(table, cells.get(3))); // 50 % of 200 on the second
        assertThat(RendererFx.shownTooltip()).isEqualTo("100");

        robot.moveTo(RendererFx.all(root, "cohort-header").get(2));
        Thread.sleep(1_500);
        assertThat(RendererFx.showingTooltip()).as("no tooltip over a header").isNull();
    }

    private static Point2D onScreen(CohortCells table, CohortCells.Cell cell) {
        return RendererFx.fx(() -> {
            Rectangle2D at = table.area(cell);
            return table.localToScreen(at.getMinX() + at.getWidth() / 2, at.getMinY() + at.getHeight() / 2);
        });
    }

    /** The colour on the screen near a cell's top left corner. */
    private static String drawn(Parent root, CohortCells table, CohortCells.Cell cell) {
        return RendererFx.fx(() -> {
            Rectangle2D at = table.area(cell);
            Point2D inScene = table.localToScene(at.getMinX() + 2, at.getMinY() + 2);
            WritableImage shot = root.getScene().snapshot(null);
            return hex(shot.getPixelReader().getColor((int) inScene.getX(), (int) inScene.getY()));
        });
    }

    /** The colours of a cell's pixels. */
    private static Set<String> colours(WritableImage shot, Rectangle2D at) {
        Set<String> found = new HashSet<>();
        for (int x = (int) at.getMinX(); x < (int) at.getMaxX(); x++) {
            for (int y = (int) at.getMinY(); y < (int) at.getMaxY(); y++) {
                found.add(hex(shot.getPixelReader().getColor(x, y)));
            }
        }
        return found;
    }

    /** The sum of the drawn fill's channels: lower is darker. */
    private static double brightness(WritableImage shot, CohortCells table, CohortCells.Cell cell) {
        Rectangle2D at = RendererFx.fx(() -> table.area(cell));
        Color c = shot.getPixelReader().getColor((int) at.getMinX() + 2, (int) at.getMinY() + 2);
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
