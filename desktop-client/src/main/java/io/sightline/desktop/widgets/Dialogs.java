package io.sightline.desktop.widgets;

import javafx.scene.Node;
import javafx.scene.control.Dialog;

/** Dialogs belong to the window they were opened from: they stay above it and give the keyboard back to it. */
public final class Dialogs {

    private Dialogs() {
    }

    public static <D extends Dialog<?>> D ownedBy(Node node, D dialog) {
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            dialog.initOwner(node.getScene().getWindow());
        }
        return dialog;
    }
}
