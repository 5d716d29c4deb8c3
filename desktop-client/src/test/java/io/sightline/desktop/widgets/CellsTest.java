package io.sightline.desktop.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.visualization.RendererFx;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lists of names (the navigator's rows, the admin screens' lists): a long name is cut to the list's width with its
 * whole text in a tooltip, never scrolled sideways.
 */
class CellsTest {

    private static final String LONG = "Warehouse replica for the quarterly finance reconciliation of every region"
            + " and every subsidiary";

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aNavigatorRowCutsALongNameToTheListWithItsWholeTextInATooltip() throws Exception {
        OffsetDateTime updated = OffsetDateTime.parse("2026-12-07T10:15:00Z");
        ListView<String> list = shown(names -> names.setCellFactory(view -> new StarredCell<>(
                new StarredCell.Shown<>(name -> false, name -> name, name -> updated, name -> List.of("finance"),
                        name -> false), "query-name", name -> { })));

        assertThat(sideways(list)).as("a horizontal scroll bar").isFalse();
        Label name = RendererFx.fx(() -> list.lookupAll(".query-name").stream().map(Label.class::cast)
                .filter(label -> LONG.equals(label.getText())).findFirst().orElseThrow());
        assertThat(RendererFx.fx(() -> name.localToScene(name.getBoundsInLocal()).getMaxX()))
                .as("the name's right edge").isLessThanOrEqualTo(220.0);
        assertThat(RendererFx.fx(() -> shownText(name))).endsWith("...").startsWith("Warehouse");
        assertThat(RendererFx.fx(() -> name.getTooltip().getText())).isEqualTo(LONG);
    }

    @Test
    void aLongNameIsCutWithItsWholeTextInATooltipAndTheListHasNoHorizontalScrollBar() throws Exception {
        ListView<String> list = shown(names -> Cells.show(names, name -> name));

        assertThat(sideways(list)).as("a horizontal scroll bar").isFalse();
        ListCell<?> cell = RendererFx.fx(() -> list.lookupAll(".list-cell").stream().map(ListCell.class::cast)
                .filter(c -> LONG.equals(c.getText())).findFirst().orElseThrow());
        assertThat(RendererFx.fx(cell::getWidth)).isLessThanOrEqualTo(220.0);
        assertThat(RendererFx.fx(() -> cell.getTooltip().getText())).isEqualTo(LONG);
        assertThat(RendererFx.fx(() -> shownText(cell))).as("what the cell shows").endsWith("...")
                .startsWith("Warehouse replica");
    }

    /** A list of "Demo" and {@link #LONG}, 220 px wide, its cells set up by {@code cells}. */
    private static ListView<String> shown(Consumer<ListView<String>> cells) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ListView<String> list = RendererFx.fx(() -> {
            ListView<String> names = new ListView<>();
            names.getItems().setAll(List.of("Demo", LONG));
            cells.accept(names);
            stage.setScene(new Scene(names, 220, 200));
            stage.show();
            return names;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return list;
    }

    private static boolean sideways(ListView<?> list) {
        return RendererFx.fx(() -> list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()));
    }

    /** The text a label draws: its own text, cut with "..." when it does not fit. */
    private static String shownText(Labeled labeled) {
        return labeled.lookup(".text") instanceof Text shown ? shown.getText() : "";
    }
}
