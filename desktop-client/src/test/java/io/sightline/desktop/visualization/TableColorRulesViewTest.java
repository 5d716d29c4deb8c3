package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.desktop.workbench.Theme;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The table form's colour rules as a user works them: select a column, add a rule, fill it in, remove one. */
class TableColorRulesViewTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRuleAddedToTheSelectedColumnIsWrittenAsFilledInAndARangeShowsItsFirstColour() throws Exception {
        TableOptionsViewModel model = new TableOptionsViewModel();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        TableOptionsView view = RendererFx.fx(() -> {
            model.load(Map.of(), List.of(new ResultColumn("city", "string"), new ResultColumn("revenue", "float")),
                    OrganizationFormats.DEFAULTS);
            TableOptionsView form = new TableOptionsView(model);
            Scene scene = new Scene(new StackPane(form), 900, 700);
            Theme.apply(scene, "light");
            stage.setScene(scene);
            stage.show();
            return form;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#editor-table-colors").isDisabled()).as("no column selected").isTrue();

        RendererFx.fx(() -> {
            ((ListView<?>) view.lookup("#editor-table-columns")).getSelectionModel().select(1);
            return null;
        });
        robot.clickOn("#editor-table-color-add");
        robot.clickOn("#editor-table-color-value-0").write("5000");
        RendererFx.fx(() -> {
            ((ColorPicker) view.lookup("#editor-table-color-color-0")).setValue(Color.web("#c0392b"));
            return null;
        });
        robot.clickOn("#editor-table-color-row-0");
        robot.clickOn("#editor-table-color-add");
        RendererFx.fx(() -> {
            @SuppressWarnings("unchecked") ComboBox<String> op = (ComboBox<String>) view.lookup(
                    "#editor-table-color-op-1");
            op.setValue("range");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#editor-table-color-from-1").isVisible()).as("a range's first colour").isTrue();
        assertThat(view.lookup("#editor-table-color-from-0").isVisible()).isFalse();
        assertThat(view.lookup("#editor-table-color-value-1").isDisabled()).as("a range takes no value").isTrue();

        assertThat(model.write(Map.of()).get("sightline")).isEqualTo(Map.of("cellColors", List.of(
                Map.of("column", "revenue", "op", ">", "value", 5000L, "color", "#c0392b", "highlightRow", true),
                Map.of("column", "revenue", "op", "range", "color", "#f8d7da", "minColor", "#ffffff",
                        "highlightRow", false))));

        RendererFx.fx(() -> {
            ((ListView<?>) view.lookup("#editor-table-columns")).getSelectionModel().select(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#editor-table-color-op-0")).as("city has no rules").isNull();
        RendererFx.fx(() -> {
            ((ListView<?>) view.lookup("#editor-table-columns")).getSelectionModel().select(1);
            return null;
        });
        robot.clickOn("#editor-table-color-remove-0");
        assertThat(((TextField) view.lookup("#editor-table-color-value-0")).isDisabled())
                .as("the range is now the first of revenue's rules").isTrue();
        assertThat(model.cellColors()).extracting(r -> r.opProperty().get()).containsExactly("range");
    }
}
