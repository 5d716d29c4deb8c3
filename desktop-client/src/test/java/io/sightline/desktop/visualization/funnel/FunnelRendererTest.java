package io.sightline.desktop.visualization.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The funnel of a known result: bar widths proportional to values, and Redash's percent labels. */
class FunnelRendererTest {

    private static final ResultData SIGNUPS = RendererFx.result(List.of(new ResultColumn("step", "string"),
                    new ResultColumn("users", "integer")),
            new Object[] {"Checkout", 250}, new Object[] {"Visit", 1000}, new Object[] {"Paid", 200},
            new Object[] {"Sign up", 400});

    private static final Map<String, Object> OPTIONS = Map.of("stepCol", Map.of("colName", "step", "displayAs", "Step"),
            "valueCol", Map.of("colName", "users", "displayAs", "Users"));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<String> texts(Parent root, String styleClass) {
        return RendererFx.all(root, styleClass).stream().map(n -> ((Label) n).getText()).toList();
    }

    private static List<Double> widths(Parent root, String styleClass) {
        return RendererFx.fx(() -> RendererFx.all(root, styleClass).stream().map(n -> ((Region) n).getWidth())
                .toList());
    }

    @Test
    void drawsTheStepsLargestFirstWithBarsAsWideAsTheirShareOfTheLargest() throws Exception {
        Parent root = RendererFx.show(new FunnelRenderer(), OPTIONS, SIGNUPS);

        assertThat(texts(root, "funnel-header")).containsExactly("Step", "Users", "% Max", "% Previous");
        assertThat(texts(root, "funnel-step")).containsExactly("Visit", "Sign up", "Checkout", "Paid");
        List<Double> bars = widths(root, "funnel-value-bar");
        assertThat(bars.get(0)).as("the largest step fills its column").isGreaterThan(200);
        assertThat(bars.get(1) / bars.get(0)).isCloseTo(0.40, within(0.01));
        assertThat(bars.get(2) / bars.get(0)).isCloseTo(0.25, within(0.01));
        assertThat(bars.get(3) / bars.get(0)).isCloseTo(0.20, within(0.01));
        assertThat(texts(root, "funnel-bar-text")).containsExactly(
                "1,000", "100%", "400", "40%", "250", "62.5%", "200", "80%");
    }

    @Test
    void writesThePercentOfTheLargestAndOfThePreviousStep() throws Exception {
        Parent root = RendererFx.show(new FunnelRenderer(), OPTIONS, SIGNUPS);

        assertThat(texts(root, "funnel-percent-max")).containsExactly("100%", "40%", "25%", "20%");
        List<Double> previous = widths(root, "funnel-previous-bar");
        assertThat(previous.get(2) / previous.get(0)).as("62.5 % of the full 100 %").isCloseTo(0.625, within(0.01));
    }

    @Test
    void saysWhatIsMissingWithoutAValueColumn() throws Exception {
        Parent root = RendererFx.show(new FunnelRenderer(), Map.of("stepCol", Map.of("colName", "step")), SIGNUPS);

        assertThat(texts(root, "visualization-note")).containsExactly(
                "Choose the step and value columns of the funnel.");
    }
}
