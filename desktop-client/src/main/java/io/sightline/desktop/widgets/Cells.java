package io.sightline.desktop.widgets;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** Shows list and combo box items by a text of the caller's choosing (records print badly on their own). */
public final class Cells {

    private Cells() {
    }

    public static <T> void show(ComboBox<T> box, Function<T, String> text) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return box.getItems().stream().filter(item -> text.apply(item).equals(string)).findFirst().orElse(null);
            }
        });
    }

    /**
     * A text longer than the list is wide ends in "..." with the whole of it in a tooltip, instead of widening
     * every cell and giving the list a horizontal scroll bar.
     */
    public static <T> void show(ListView<T> list, Function<T, String> text) {
        list.setCellFactory(view -> {
            ListCell<T> cell = new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    String shown = empty || item == null ? null : text.apply(item);
                    setText(shown);
                    setTooltip(shown == null ? null : new Tooltip(shown));
                }
            };
            cell.setPrefWidth(0); // the list's width, not the text's, sets the cell's
            return cell;
        });
    }
}
