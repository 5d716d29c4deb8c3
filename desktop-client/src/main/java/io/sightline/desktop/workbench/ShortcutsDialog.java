package io.sightline.desktop.workbench;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** F1: every keyboard shortcut of the workbench. */
public final class ShortcutsDialog extends Dialog<Void> {

    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+Enter", "Run all, or the selected text"},
            new String[] {"Ctrl+.", "Cancel the running query"},
            new String[] {"Ctrl+Space", "Complete keywords, tables, columns (also after a dot)"},
            new String[] {"Ctrl+/", "Comment or uncomment the selected lines"},
            new String[] {"Ctrl+Shift+F", "Format the SQL (the selection, or all of it)"},
            new String[] {"Ctrl+F", "Find and replace (Enter: next, Shift+Enter: previous, Esc: close)"},
            new String[] {"Ctrl+Z / Ctrl+Y", "Undo / redo"},
            new String[] {"Ctrl+S", "Save"},
            new String[] {"Ctrl+Shift+S", "Save as a new query"},
            new String[] {"Ctrl+T", "New tab"},
            new String[] {"Ctrl+W", "Close tab"},
            new String[] {"Ctrl+P", "Find a saved query"},
            new String[] {"Ctrl+D", "Star / unstar the selected saved query (in the list)"},
            new String[] {"Ctrl+C", "Copy the selected cells (in the results)"},
            new String[] {"F5", "Refresh the schema"},
            new String[] {"F1", "This list"});

    public ShortcutsDialog() {
        setTitle("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        int row = 0;
        for (String[] shortcut : SHORTCUTS) {
            Label keys = new Label(shortcut[0]);
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(shortcut[1]));
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
