package io.sightline.desktop.visualization.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The cohort triangle of a known result: its cells, their text and their colour by retention. */
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

    private static List<Label> cells(Parent root) {
        return RendererFx.all(root, "cohort-cell").stream().map(Label.class::cast).toList();
    }

    @Test
    void drawsATriangleOfPercentsWithHeadersAndCohortSizes() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of(), RETENTION);

        List<Label> cells = cells(root);
        assertThat(cells).as("3 cohorts × 3 stages").hasSize(9);
        assertThat(cells.stream().map(Label::getText).toList()).containsExactly(
                "90.00%", "50.00%", "10.00%",
                "50.00%", "20.00%", "-",
                "10.00%", "-", "-");
        assertThat(RendererFx.all(root, "cohort-empty")).hasSize(3);
        assertThat(RendererFx.all(root, "cohort-header").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("Time", "Users", "1", "2", "3");
        assertThat(RendererFx.all(root, "cohort-time").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("January 1, 2024", "January 2, 2024", "January 3, 2024");
        assertThat(RendererFx.all(root, "cohort-people").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("100", "200", "50");
    }

    @Test
    void higherRetentionIsDarkerAndTheTopClassIsTheMaxColour() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of(), RETENTION);

        List<Label> cells = cells(root);
        Label ninety = cells.get(0);
        Label fifty = cells.get(1);
        Label ten = cells.get(2);
        assertThat(fill(ninety)).as("90 % is in the top class of 7").isEqualTo("#002fb4");
        assertThat(fill(fifty)).isEqualTo("#5a85ff");
        assertThat(fill(ten)).isEqualTo("#ffffff");
        assertThat(brightness(ninety)).isLessThan(brightness(fifty));
        assertThat(brightness(fifty)).isLessThan(brightness(ten));
        assertThat(ninety.getTextFill().toString()).as("white on dark blue").isEqualTo("0xffffffff");
        assertThat(ten.getTextFill().toString()).isEqualTo("0x000000ff");
    }

    @Test
    void showsNumbersWhenPercentValuesIsOff() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of("percentValues", false), RETENTION);

        assertThat(cells(root).get(3).getText()).isEqualTo("100");
    }

    @Test
    void theTooltipGivesTheValueOfTheCellUnderThePointerAndNothingOverAHeader() throws Exception {
        Parent root = RendererFx.show(new CohortRenderer(), Map.of("showTooltips", true), RETENTION);
        List<Label> cells = cells(root);
        FxRobot robot = new FxRobot();

        robot.moveTo(cells.get(1)); // 50 % of 100 on the first day
        assertThat(shownTooltip()).as("the value of the 50 % cell").isEqualTo("50");
        robot.moveTo(cells.get(3)); // 50 % of 200 on the second
        assertThat(shownTooltip()).isEqualTo("100");

        robot.moveTo(RendererFx.all(root, "cohort-header").get(2));
        Thread.sleep(1_500);
        assertThat(RendererFx.fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip && w.isShowing()))).as("no tooltip over a header").isFalse();
    }

    /** The text of the tooltip on screen, once one shows (the default delay is a second). */
    private static String shownTooltip() throws Exception {
        for (int i = 0; i < 40; i++) {
            String text = RendererFx.fx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof Tooltip && w.isShowing()).map(w -> ((Tooltip) w).getText())
                    .findFirst().orElse(null));
            if (text != null) {
                return text;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static String fill(Node cell) {
        return (String) cell.getProperties().get(CohortRenderer.FILL);
    }

    /** The sum of the painted background's channels: lower is darker. */
    private static double brightness(Label cell) {
        return RendererFx.fx(() -> cell.getBackground().getFills().get(0).getFill()
                instanceof javafx.scene.paint.Color c ? c.getRed() + c.getGreen() + c.getBlue() : -1.0);
    }
}
