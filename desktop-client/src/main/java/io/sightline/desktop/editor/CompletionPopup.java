package io.sightline.desktop.editor;

import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.desktop.api.SchemaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/** The completion list under the caret; keeps filtering while the user types, Enter or Tab accepts. */
final class CompletionPopup {

    private final CodeArea area;
    private final Supplier<List<SchemaTable>> schema;
    private final Popup popup = new Popup();
    private final ListView<Completion.Suggestion> list = new ListView<>();
    private int replaceFrom;
    private Supplier<List<QuerySnippet>> snippets = List::of;
    /** The tab stops of the snippet inserted last that Tab has not visited yet, as offsets in the text. */
    private final List<int[]> pendingStops = new ArrayList<>();

    CompletionPopup(CodeArea area, Supplier<List<SchemaTable>> schema) {
        this.area = area;
        this.schema = schema;
        area.plainTextChanges().subscribe(change -> {
            int delta = change.getNetLength();
            int at = change.getPosition();
            for (int[] stop : pendingStops) {
                if (stop[0] >= at + change.getRemoved().length()) {
                    stop[0] += delta;
                    stop[1] += delta;
                }
            }
        });
        list.setId("completion-list");
        list.getStyleClass().add("completion-list");
        list.setPrefSize(380, 220);
        list.setCellFactory(view -> new SuggestionCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                accept();
            }
        });
        list.setOnKeyPressed(event -> { // when the list itself has the keyboard (after a click into it)
            switch (event.getCode()) {
                case ENTER, TAB -> {
                    accept();
                    event.consume();
                }
                case ESCAPE -> {
                    hide();
                    event.consume();
                }
                default -> { }
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);

        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!popup.isShowing()) {
                if (event.getCode() == javafx.scene.input.KeyCode.TAB && !event.isShiftDown() && !pendingStops.isEmpty()) {
                    nextStop();
                    event.consume();
                } else if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    pendingStops.clear();
                }
                return;
            }
            switch (event.getCode()) {
                case UP -> {
                    list.getSelectionModel().selectPrevious();
                    list.scrollTo(list.getSelectionModel().getSelectedIndex());
                    event.consume();
                }
                case DOWN -> {
                    list.getSelectionModel().selectNext();
                    list.scrollTo(list.getSelectionModel().getSelectedIndex());
                    event.consume();
                }
                case ENTER, TAB -> {
                    accept();
                    event.consume();
                }
                case ESCAPE -> {
                    hide();
                    event.consume();
                }
                default -> { }
            }
        });
        // after the area has inserted the typed character
        area.addEventHandler(KeyEvent.KEY_TYPED, event -> javafx.application.Platform.runLater(() -> {
            if (popup.isShowing()) {
                update();
            } else if (".".equals(event.getCharacter())) {
                show();
            }
        }));
        area.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                hide();
            }
        });
    }

    void show() {
        if (update() && !popup.isShowing()) {
            Bounds caret = area.getCaretBounds().orElse(null);
            if (caret != null && area.getScene() != null) {
                popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
            }
        }
    }

    /** @return whether there is anything to offer */
    private boolean update() {
        Completion.Result result = Completion.at(area.getText(), area.getCaretPosition(), schema.get(),
                snippets.get());
        replaceFrom = result.replaceFrom();
        if (result.suggestions().isEmpty()) {
            hide();
            return false;
        }
        list.getItems().setAll(result.suggestions());
        list.getSelectionModel().selectFirst();
        list.scrollTo(0);
        return true;
    }

    private void accept() {
        Completion.Suggestion chosen = list.getSelectionModel().getSelectedItem();
        if (chosen == null && !list.getItems().isEmpty()) {
            chosen = list.getItems().get(0);
        }
        if (chosen != null && "snippet".equals(chosen.kind())) {
            insertSnippet(chosen.text());
        } else if (chosen != null) {
            area.replaceText(replaceFrom, area.getCaretPosition(), chosen.text());
        }
        hide();
    }

    /** The snippets offered under their triggers. */
    void setSnippets(Supplier<List<QuerySnippet>> snippets) {
        this.snippets = snippets;
    }

    /** Replaces the typed trigger by the snippet's text and selects its first tab stop; Tab visits the others. */
    private void insertSnippet(String trigger) {
        QuerySnippet snippet = snippets.get().stream().filter(s -> s.trigger().equals(trigger)).findFirst()
                .orElse(null);
        if (snippet == null) {
            return;
        }
        SnippetText.Expanded expanded = SnippetText.expand(snippet.snippet());
        int at = replaceFrom;
        pendingStops.clear();
        area.replaceText(at, area.getCaretPosition(), expanded.text());
        for (SnippetText.Stop stop : expanded.stops()) {
            pendingStops.add(new int[] {at + stop.start(), at + stop.end()});
        }
        if (pendingStops.isEmpty()) {
            area.moveTo(at + expanded.text().length());
        } else {
            nextStop();
        }
    }

    private void nextStop() {
        int[] stop = pendingStops.remove(0);
        int length = area.getLength();
        area.selectRange(Math.min(stop[0], length), Math.min(stop[1], length));
    }

    void hide() {
        popup.hide();
    }

    private static final class SuggestionCell extends ListCell<Completion.Suggestion> {
        @Override
        protected void updateItem(Completion.Suggestion suggestion, boolean empty) {
            super.updateItem(suggestion, empty);
            if (empty || suggestion == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(suggestion.kind().substring(0, 1).toUpperCase());
            kind.getStyleClass().addAll("completion-kind", "completion-" + suggestion.kind());
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(suggestion.text());
            Label detail = new Label(suggestion.detail());
            detail.getStyleClass().add("muted");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(6, kind, text, gap, detail);
            setText(null);
            setGraphic(row);
        }
    }
}
