package io.sightline.desktop.widgets;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

    public static <T> void show(ListView<T> list, Function<T, String> text) {
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }
}
