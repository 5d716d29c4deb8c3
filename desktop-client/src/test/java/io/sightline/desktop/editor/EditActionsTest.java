package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditActionsTest {

    private static String apply(String text, EditActions.Edit edit) {
        return text.substring(0, edit.from()) + edit.replacement() + text.substring(edit.to());
    }

    @Test
    void commentsOutEveryLineTheSelectionTouches() {
        String text = "SELECT a\nFROM t\nWHERE x";
        int start = text.indexOf("LECT");
        int end = text.indexOf("ROM");

        assertThat(apply(text, EditActions.toggleComment(text, start, end))).isEqualTo("-- SELECT a\n-- FROM t\nWHERE x");
    }

    @Test
    void uncommentsWhenAllSelectedLinesAreComments() {
        String text = "-- SELECT a\n  --FROM t\n\nWHERE x";
        int end = text.indexOf("\nWHERE");

        assertThat(apply(text, EditActions.toggleComment(text, 0, end))).isEqualTo("SELECT a\n  FROM t\n\nWHERE x");
    }

    @Test
    void togglesTheCaretLineWithoutSelection() {
        String text = "SELECT 1;\nSELECT 2;";
        int caret = text.indexOf("2");

        assertThat(apply(text, EditActions.toggleComment(text, caret, caret))).isEqualTo("SELECT 1;\n-- SELECT 2;");
    }

    @Test
    void findsTheMatchingBracketInBothDirections() {
        String text = "f(a, (b), c)";

        assertThat(EditActions.matchingBracket(text, 1)).isEqualTo(11);
        assertThat(EditActions.matchingBracket(text, 11)).isEqualTo(1);
        assertThat(EditActions.matchingBracket(text, 5)).isEqualTo(7);
        assertThat(EditActions.matchingBracket(text, 0)).isEqualTo(-1);
        assertThat(EditActions.matchingBracket("(()", 0)).isEqualTo(-1);
    }
}
