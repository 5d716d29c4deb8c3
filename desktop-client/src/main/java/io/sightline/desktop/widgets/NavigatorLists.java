package io.sightline.desktop.widgets;

import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** What the navigator's lists (queries, dashboards) share: how an item is opened, and the line of messages. */
public final class NavigatorLists {

    private NavigatorLists() {
    }

    /** Double-click or Enter on the chosen item calls {@code open} with it. */
    public static <T> void opensChosen(ListView<T> list, Consumer<T> open) {
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                ifChosen(list, open);
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                ifChosen(list, open);
            }
        });
    }

    public static <T> void ifChosen(ListView<T> list, Consumer<T> action) {
        T chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            action.accept(chosen);
        }
    }

    /** A muted, wrapping line showing {@code text}; it takes no room while the text is empty. */
    public static Label messageLine(ObservableStringValue text) {
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
