package io.sightline.desktop.editor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;

/** Ctrl+F: find (Enter, Shift+Enter), replace one or all; Escape closes it and returns to the text. */
final class FindBar extends HBox {

    private final CodeArea area;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final CheckBox matchCase = new CheckBox("Aa");
    private final Label count = new Label();

    FindBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("find-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 4, 6));
        find.setId("find-field");
        find.setPromptText("Find");
        replace.setId("replace-field");
        replace.setPromptText("Replace with");
        count.getStyleClass().add("muted");
        count.setId("find-count");
        Button next = new Button("Next");
        next.setOnAction(e -> next());
        Button previous = new Button("Previous");
        previous.setOnAction(e -> previous());
        Button one = new Button("Replace");
        one.setOnAction(e -> replaceOne());
        Button all = new Button("Replace all");
        all.setId("replace-all");
        all.setOnAction(e -> replaceAll());
        Button close = new Button("\u2715");
        close.setOnAction(e -> close());
        find.textProperty().addListener((obs, old, text) -> {
            updateCount();
            FindReplace.Match match = FindReplace.next(area.getText(), text, area.getSelection().getStart(),
                    matchCase.isSelected());
            select(match);
        });
        matchCase.selectedProperty().addListener((obs, old, on) -> updateCount());
        find.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        replace.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        getChildren().addAll(find, matchCase, next, previous, replace, one, all, count, close);
        setVisible(false);
        setManaged(false);
    }

    void open() {
        setVisible(true);
        setManaged(true);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            find.setText(selected);
        }
        find.requestFocus();
        find.selectAll();
        updateCount();
    }

    private void close() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    private void next() {
        select(FindReplace.next(area.getText(), find.getText(), area.getSelection().getEnd(), matchCase.isSelected()));
    }

    private void previous() {
        select(FindReplace.previous(area.getText(), find.getText(), area.getSelection().getStart(),
                matchCase.isSelected()));
    }

    private void replaceOne() {
        String selected = area.getSelectedText();
        boolean onMatch = matchCase.isSelected() ? selected.equals(find.getText())
                : selected.equalsIgnoreCase(find.getText());
        if (onMatch && !selected.isEmpty()) {
            area.replaceSelection(replace.getText());
        }
        next();
        updateCount();
    }

    private void replaceAll() {
        FindReplace.Replaced result = FindReplace.replaceAll(area.getText(), find.getText(), replace.getText(),
                matchCase.isSelected());
        if (result.count() > 0) {
            area.replaceText(0, area.getLength(), result.text());
        }
        count.setText(result.count() + " replaced");
    }

    private void select(FindReplace.Match match) {
        if (match != null) {
            area.selectRange(match.start(), match.end());
            area.requestFollowCaret();
        }
    }

    private void updateCount() {
        int matches = FindReplace.count(area.getText(), find.getText(), matchCase.isSelected());
        count.setText(find.getText().isEmpty() ? "" : matches == 1 ? "1 match" : matches + " matches");
    }
}
