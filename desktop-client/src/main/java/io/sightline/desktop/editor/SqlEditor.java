package io.sightline.desktop.editor;

import io.sightline.desktop.api.SchemaTable;
import java.time.Duration;
import java.util.ArrayList;
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
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.Subscription;

/**
 * The SQL text area: a RichTextFX {@link CodeArea} with line numbers, current-line highlight, syntax
 * highlighting, bracket matching, comment toggle (Ctrl+/), formatting (Ctrl+Shift+F) and completion
 * (Ctrl+Space, and after a dot).
 *
 * <p>Highlighting is incremental and off the FX thread: each edit goes to the highlighting thread, which
 * keeps its own copy of the text and its tokens ({@link IncrementalHighlight}), re-scans only around the
 * edit and hands back the styles of just that range; the FX thread applies them if no newer edit came in
 * meanwhile (else the range is carried into the next answer). A range longer than a few screens is
 * applied to the visible part first and the rest on the next pulses.
 */
public final class SqlEditor extends StackPane {

    /** How long typing must pause before the text is handed on (to the view model, the parameters). */
    public static final Duration PAUSE = Duration.ofMillis(25);
    /** Styles for more characters than this are applied visible part first, the rest in pieces this long. */
    static final int CHUNK = 20_000;

    private final CodeArea area = new CodeArea();
    private final Executor highlightThread;
    private final Subscription highlighting;
    private final CompletionPopup completion;
    private final FindBar findBar;
    // only on the highlighting thread: the text and tokens as of the newest edit, and the range whose styles
    // the FX thread has not yet confirmed applying
    private final IncrementalHighlight incremental = new IncrementalHighlight();
    private long highlighted;
    private int unappliedFrom = -1;
    private int unappliedTo = -1;
    private long changes;
    private int[] bracketPair;
    private int errorParagraph = -1;
    private Runnable onHighlighted = () -> { };
    private Supplier<String> dataSourceType = () -> null;
    private Consumer<String> onTextSettled = text -> { };
    private volatile long lastApplyNanos;
    private volatile long lastSettleNanos;

    /** @param highlightThread runs the highlighting one task at a time, in order (a single thread) */
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

        Subscription edits = area.plainTextChanges().subscribe(change -> {
            long version = ++changes;
            int position = change.getPosition();
            int removed = change.getRemoved().length();
            String inserted = change.getInserted();
            highlightThread.execute(() -> edited(version, position, removed, inserted));
            if (errorParagraph >= 0) {
                clearErrorLine();
            }
        });
        highlighting = edits.and(area.multiPlainChanges().successionEnds(PAUSE).subscribe(ignore -> settled()));
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

    /** Replaces the whole text (loading a query, restoring a version); the same text is highlighted anew. */
    public void setText(String text) {
        if (!text.equals(area.getText())) {
            area.replaceText(text);
            area.moveTo(0);
            area.requestFollowCaret();
        } else {
            long version = changes;
            highlightThread.execute(() -> {
                highlighted = version;
                unappliedFrom = 0;
                unappliedTo = text.length();
                IncrementalHighlight.Restyle restyle = incremental.reset(text);
                Platform.runLater(() -> apply(version, restyle));
            });
        }
    }

    /**
     * Gets the text after each pause in typing (not on every keystroke: copying a long script on each one
     * would cost the FX thread more than a frame).
     */
    public void setOnTextSettled(Consumer<String> action) {
        this.onTextSettled = action;
    }

    /** Typing paused: hand the text on. */
    private void settled() {
        long start = System.nanoTime();
        onTextSettled.accept(area.getText());
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
    /** The query snippets completion offers under their triggers (Tab visits their stops). */
    public void setSnippets(Supplier<List<io.sightline.common.api.snippet.QuerySnippet>> snippets) {
        completion.setSnippets(snippets);
    }

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
        // its own undo step: not merged with the typing just before it, nor with the next edit
        area.getUndoManager().preventMerge();
        area.replaceText(from, to, formatted);
        area.getUndoManager().preventMerge();
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

    /** On the highlighting thread: an edit of version {@code version}; sends the FX thread the new styles. */
    private void edited(long version, int position, int removed, String inserted) {
        IncrementalHighlight.Restyle restyle = incremental.edit(position, removed, inserted);
        if (unappliedTo >= 0) {
            // an earlier answer came too late to be applied: its range goes with this one
            int delta = inserted.length() - removed;
            int from = unappliedFrom <= position ? unappliedFrom
                    : unappliedFrom >= position + removed ? unappliedFrom + delta : position;
            int to = unappliedTo <= position ? unappliedTo
                    : unappliedTo >= position + removed ? unappliedTo + delta : position + inserted.length();
            restyle = incremental.restyle(Math.min(from, restyle.from()), Math.max(to, restyle.to()));
        }
        highlighted = version;
        unappliedFrom = restyle.from();
        unappliedTo = restyle.to();
        IncrementalHighlight.Restyle answer = restyle;
        Platform.runLater(() -> apply(version, answer));
    }

    /** On the FX thread: applies new styles unless the text changed since they were computed. */
    private void apply(long version, IncrementalHighlight.Restyle restyle) {
        if (version != changes) {
            return; // a newer edit is on its way to the highlighting thread, which will send this range again
        }
        long start = System.nanoTime();
        clearBracketMatch();
        int from = restyle.from();
        int to = restyle.to();
        List<int[]> rest = new ArrayList<>();
        if (to - from <= CHUNK) {
            setStyles(restyle, from, to);
        } else {
            int[] visible = visibleRange();
            int a = Math.max(from, Math.min(to, visible[0]));
            int b = Math.max(a, Math.min(to, visible[1]));
            setStyles(restyle, a, b);
            for (int at = from; at < a; at += CHUNK) {
                rest.add(new int[] {at, Math.min(a, at + CHUNK)});
            }
            for (int at = b; at < to; at += CHUNK) {
                rest.add(new int[] {at, Math.min(to, at + CHUNK)});
            }
        }
        matchBrackets();
        lastApplyNanos = System.nanoTime() - start;
        applyRest(version, restyle, rest);
    }

    /** The pieces off screen, one a pulse; then tells the highlighting thread the range is done. */
    private void applyRest(long version, IncrementalHighlight.Restyle restyle, List<int[]> rest) {
        if (version != changes) {
            return;
        }
        if (rest.isEmpty()) {
            highlightThread.execute(() -> {
                if (highlighted == version) {
                    unappliedFrom = -1;
                    unappliedTo = -1;
                }
            });
            onHighlighted.run();
            return;
        }
        int[] piece = rest.remove(0);
        Platform.runLater(() -> {
            if (version == changes) {
                clearBracketMatch();
                setStyles(restyle, piece[0], piece[1]);
                matchBrackets();
                applyRest(version, restyle, rest);
            }
        });
    }

    private void setStyles(IncrementalHighlight.Restyle restyle, int from, int to) {
        if (to > from) {
            area.setStyleSpans(from, restyle.spans().subView(from - restyle.from(), to - restyle.from()));
        }
    }

    /** The character range of the paragraphs on screen (a few screens' worth before the area is laid out). */
    private int[] visibleRange() {
        try {
            int first = area.firstVisibleParToAllParIndex();
            int last = area.lastVisibleParToAllParIndex();
            return new int[] {area.getAbsolutePosition(first, 0),
                    area.getAbsolutePosition(last, area.getParagraphLength(last))};
        } catch (RuntimeException notLaidOut) {
            return new int[] {0, CHUNK};
        }
    }

    private void clearBracketMatch() {
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
    }

    private void matchBrackets() {
        clearBracketMatch();
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
