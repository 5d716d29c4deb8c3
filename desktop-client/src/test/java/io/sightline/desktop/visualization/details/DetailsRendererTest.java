package io.sightline.desktop.visualization.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The details view of a known result: one record's fields and values, paged by clicks. */
class DetailsRendererTest {

    private static final ResultData STORES = RendererFx.result(List.of(new ResultColumn("name", "string"),
                    new ResultColumn("revenue", "float"), new ResultColumn("opened", "date"),
                    new ResultColumn("internal_id", "integer")),
            new Object[] {"Berlin Store", 1234567.5, "2021-03-05", 7},
            new Object[] {"Lisbon Store", 98000.25, "2022-11-30", 8},
            new Object[] {"Oslo Store", 5000.0, "2023-01-02", 9});

    private static final Map<String, Object> OPTIONS = Map.of("columns", List.of(
            Map.of("name", "revenue", "title", "Revenue", "numberFormat", "$0,0.00"),
            Map.of("name", "internal_id", "visible", false)));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<String> texts(Parent root, String styleClass) {
        return RendererFx.all(root, styleClass).stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void showsTheFirstRecordsVisibleFieldsInTheTablesFormats() throws Exception {
        Parent root = RendererFx.show(new DetailsRenderer(), OPTIONS, STORES);

        assertThat(texts(root, "details-field")).containsExactly("name", "Revenue", "opened");
        assertThat(texts(root, "details-value")).containsExactly("Berlin Store", "$1,234,567.50", "05/03/21");
        assertThat(((Label) root.lookup("#details-position")).getText()).isEqualTo("Record 1 of 3");
        assertThat(root.lookup("#details-previous").isDisabled()).isTrue();
    }

    @Test
    void theSavedColumnOrderRulesWithTitlesAndFormatsFromTheTablesColumnOptions() throws Exception {
        Map<String, Object> reordered = Map.of("columns", List.of(
                Map.of("name", "opened", "title", "Opened on", "dateTimeFormat", "YYYY-MM-DD"),
                Map.of("name", "revenue", "title", "Revenue", "numberFormat", "0.0a"),
                Map.of("name", "name", "visible", false)));
        Parent root = RendererFx.show(new DetailsRenderer(), reordered, STORES);

        assertThat(texts(root, "details-field")).as("saved order first, the unnamed column last, the hidden one out")
                .containsExactly("Opened on", "Revenue", "internal_id");
        assertThat(texts(root, "details-value")).containsExactly("2021-03-05", "1.2m", "7");
    }

    @Test
    void nextShowsRecordTwoOfThreeAndTheLastDisablesNext() throws Exception {
        Parent root = RendererFx.show(new DetailsRenderer(), OPTIONS, STORES);
        FxRobot robot = new FxRobot();

        robot.clickOn("#details-next");
        assertThat(((Label) root.lookup("#details-position")).getText()).isEqualTo("Record 2 of 3");
        assertThat(texts(root, "details-value")).containsExactly("Lisbon Store", "$98,000.25", "30/11/22");

        robot.clickOn("#details-next");
        assertThat(texts(root, "details-value")).contains("Oslo Store");
        assertThat(((Button) root.lookup("#details-next")).isDisabled()).isTrue();

        robot.clickOn("#details-previous");
        assertThat(((Label) root.lookup("#details-position")).getText()).isEqualTo("Record 2 of 3");
    }

    @Test
    void theWorkbenchDrawsDetailsInsteadOfTheNotSupportedNote() throws Exception {
        assertThat(VisualizationRenderers.standard().draws("DETAILS")).isTrue();
        Parent root = RendererFx.show((o, r) -> VisualizationRenderers.standard().render("DETAILS", o, r), OPTIONS,
                STORES);

        List<Node> notes = RendererFx.all(root, "visualization-note");
        assertThat(notes).isEmpty();
        assertThat(texts(root, "details-value")).contains("Berlin Store");
    }
}
