package io.sightline.desktop.editor;

import io.sightline.desktop.api.SchemaTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.Subscription;

/**
 * The SQL text area: a RichTextFX {@link CodeArea} with line numbers, current-line highlight, syntax
 * highlighting computed off the FX thread after a short pause in typing, bracket matching, comment toggle
 * (Ctrl+/) and completion (Ctrl+Space, and after a dot).
 */
public final class SqlEditor extends StackPane {

    /** How long typing must pause before highlighting is computed. */
    public static final Duration PAUSE = Duration.ofMillis(25);

    private final CodeArea area = new CodeArea();
    private final Executor highlightThread;
    private final Subscription highlighting;
    private final CompletionPopup completion;
    private final FindBar findBar;
    private volatile List<SqlHighlighter.Token> applied = List.of();
    private volatile int appliedLength;
    private long changes;
    private int[] bracketPair;
    private int errorParagraph = -1;
    private Runnable onHighlighted = () -> { };
    private Supplier<String> dataSourceType = () -> null;
    private Consumer<String> onTextSettled = text -> { };
    private volatile long lastApplyNanos;
    private volatile long lastSettleNanos;

    public SqlEditor(Executor highlightThread, Supplier<List<SchemaTable>> schema) {
        this.highlightThread = highlightThread;
        getStyleClass().add("sql-editor");
        area.getStyleClass().add("sql-area");
        area.setId("sql-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        // the current line is a paragraph style: RichTextFX's own line highlighter costs ~10 ms a keystroke
        // on a 5,000-line script
        area.currentParagraphProperty().addListener((obs, old, now) -> markCurrentLine(old, now));
        area.setUndoManager(UndoUtils.plainTextUndoManager(area));
        area.setWrapText(false);
        findBar = new FindBar(area);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(findBar, new VirtualizedScrollPane<>(area));
        javafx.scene.layout.VBox.setVgrow(box.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(box);

        area.multiPlainChanges().subscribe(change -> {
            changes++;
            if (errorParagraph >= 0) {
                clearErrorLine();
            }
        });
        highlighting = area.multiPlainChanges().successionEnds(PAUSE).subscribe(ignore -> settled());
        area.caretPositionProperty().addListener((obs, old, caret) -> matchBrackets());
        completion = new CompletionPopup(area, schema);

        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN).match(event)) {
                toggleComment();
                event.consume();
            } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                    .match(event)) {
                formatSql();
                event.consume();
            } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
                findBar.open();
                event.consume();
            } else if (new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN).match(event)) {
                completion.show();
                event.consume();
            }
        });
    }

    public CodeArea area() {
        return area;
    }

    /** Replaces the whole text (loading a query, restoring a version) and highlights it at once. */
    public void setText(String text) {
        if (!text.equals(area.getText())) {
            area.replaceText(text);
            area.moveTo(0);
            area.requestFollowCaret();
        }
        highlight(text);
    }

    /**
     * Gets the text after each pause in typing (not on every keystroke: copying a long script on each one
     * would cost the FX thread more than a frame).
     */
    public void setOnTextSettled(Consumer<String> action) {
        this.onTextSettled = action;
    }

    /** Typing paused: highlight, and hand the text on. */
    private void settled() {
        long start = System.nanoTime();
        String text = area.getText();
        highlight(text);
        onTextSettled.accept(text);
        lastSettleNanos = System.nanoTime() - start;
    }

    /** The selected text, or all of it when nothing is selected: what Ctrl+Enter runs. */
    public String textToRun() {
        String selected = area.getSelectedText();
        return selected.isBlank() ? area.getText() : selected;
    }

    /** The paragraph where the text to run starts (0 when running all), to place database error lines. */
    public int firstLineToRun() {
        return area.getSelectedText().isBlank() ? 0 : area.offsetToPosition(area.getSelection().getStart(),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
    }

    public void toggleComment() {
        var selection = area.getSelection();
        EditActions.Edit edit = EditActions.toggleComment(area.getText(), selection.getStart(), selection.getEnd());
        area.replaceText(edit.from(), edit.to(), edit.replacement());
        area.selectRange(edit.from(), edit.from() + edit.replacement().length());
    }

    /** The type of the data source the text runs on ("pg", "mysql", ...), for formatting in its dialect. */
    public void setDataSourceType(Supplier<String> type) {
        this.dataSourceType = type;
    }

    /**
     * Formats the selection, or the whole text when nothing is selected, in the data source's dialect; one
     * replacement, so one undo step takes it back.
     */
    public void formatSql() {
        var selection = area.getSelection();
        boolean all = selection.getLength() == 0;
        int from = all ? 0 : selection.getStart();
        int to = all ? area.getLength() : selection.getEnd();
        String original = area.getText(from, to);
        String formatted = SqlFormatting.format(original, dataSourceType.get());
        if (original.endsWith("\n") && !formatted.endsWith("\n")) {
            formatted += "\n";
        }
        if (formatted.equals(original)) {
            return;
        }
        area.replaceText(from, to, formatted);
        if (all) {
            area.moveTo(0);
            area.requestFollowCaret();
        } else {
            area.selectRange(from, from + formatted.length());
        }
    }

    /** Opens the find and replace bar above the text. */
    public void openFind() {
        findBar.open();
    }

    public void insertAtCaret(String text) {
        area.replaceSelection(text);
        area.requestFocus();
    }

    /** Marks the (0-based) paragraph the database reported an error on; cleared by the next edit. */
    public void markErrorLine(int paragraph) {
        clearErrorLine();
        if (paragraph >= 0 && paragraph < area.getParagraphs().size()) {
            errorParagraph = paragraph;
            restyleParagraph(paragraph);
            area.showParagraphInViewport(paragraph);
        }
    }

    private void clearErrorLine() {
        int old = errorParagraph;
        errorParagraph = -1;
        restyleParagraph(old);
    }

    private void markCurrentLine(Integer old, Integer now) {
        if (old != null) {
            restyleParagraph(old);
        }
        if (now != null) {
            restyleParagraph(now);
        }
    }

    private void restyleParagraph(int paragraph) {
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return;
        }
        List<String> styles = new ArrayList<>(2);
        if (paragraph == area.getCurrentParagraph()) {
            styles.add("current-line");
        }
        if (paragraph == errorParagraph) {
            styles.add("error-line");
        }
        if (!styles.equals(area.getParagraph(paragraph).getParagraphStyle())) {
            area.setParagraphStyle(paragraph, styles);
        }
    }

    /** For the benchmark: runs after each highlighting was applied to the text. */
    public void setOnHighlighted(Runnable action) {
        this.onHighlighted = action;
    }

    private void highlight(String text) {
        long version = changes;
        List<SqlHighlighter.Token> before = applied;
        int beforeLength = appliedLength;
        highlightThread.execute(() -> {
            List<SqlHighlighter.Token> tokens = SqlHighlighter.tokens(text);
            int[] range = before.isEmpty() ? new int[] {0, text.length()}
                    : SqlHighlighter.changedRange(before, beforeLength, tokens, text.length());
            StyleSpans<Collection<String>> spans = SqlHighlighter.spans(tokens, range[0], range[1]);
            Platform.runLater(() -> {
                if (version != changes) {
                    return; // the text changed meanwhile: a newer highlighting is on its way
                }
                long start = System.nanoTime();
                if (range[1] > range[0]) {
                    area.setStyleSpans(range[0], spans);
                }
                applied = tokens;
                appliedLength = text.length();
                bracketPair = null;
                matchBrackets();
                lastApplyNanos = System.nanoTime() - start;
                onHighlighted.run();
            });
        });
    }

    private void matchBrackets() {
        if (bracketPair != null) {
            for (int position : bracketPair) {
                if (position < area.getLength()) {
                    List<String> styles = new ArrayList<>(area.getStyleOfChar(position));
                    styles.remove("bracket-match");
                    area.setStyle(position, position + 1, styles);
                }
            }
            bracketPair = null;
        }
        int caret = area.getCaretPosition();
        String around = area.getText(Math.max(0, caret - 1), Math.min(area.getLength(), caret + 1));
        if (around.chars().noneMatch(c -> "()[]{}".indexOf(c) >= 0)) {
            return; // the common case, without copying the whole text
        }
        String text = area.getText();
        for (int at : new int[] {caret - 1, caret}) {
            int match = EditActions.matchingBracket(text, at);
            if (match >= 0) {
                bracketPair = new int[] {at, match};
                for (int position : bracketPair) {
                    List<String> styles = new ArrayList<>(area.getStyleOfChar(position));
                    styles.add("bracket-match");
                    area.setStyle(position, position + 1, styles);
                }
                return;
            }
        }
    }

    /** FX-thread time of the last pause handling: copying the text, handing it to the view model. */
    public long lastSettleNanos() {
        return lastSettleNanos;
    }

    /** FX-thread time of applying the last highlighting (for the benchmark). */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    public void dispose() {
        highlighting.unsubscribe();
        completion.hide();
    }
}
