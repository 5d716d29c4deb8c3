package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.bench.DesktopBench;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementalHighlightTest {

    private static final String[] PIECES = {"x", " ", "\n", "'", "''", "\"", "--", "/*", "*/", "{{", "}}", "{{ p }}",
            "(", ")", "SELECT", "count", "12", ".5", ";", "`", "'{{ period.start }}'", "e"};

    @Test
    void reScansOnlyAroundATypedCharacter() {
        IncrementalHighlight highlight = new IncrementalHighlight();
        String script = DesktopBench.script();
        highlight.reset(script);
        int position = script.indexOf("FROM sales.fact_transactions f", 2_000);

        IncrementalHighlight.Restyle restyle = highlight.edit(position + 2, 0, "x");

        assertThat(highlight.tokens()).isEqualTo(SqlHighlighter.tokens(highlight.text()));
        assertThat(restyle.to() - restyle.from()).isLessThan(200);
    }

    @Test
    void anOpenedBlockCommentRestylesToTheEndAndClosingItRestylesBack() {
        IncrementalHighlight highlight = new IncrementalHighlight();
        String sql = "SELECT a\nFROM t\nWHERE b = 1\nORDER BY a";
        highlight.reset(sql);

        IncrementalHighlight.Restyle opened = highlight.edit(sql.indexOf("FROM"), 0, "/*");
        assertThat(opened.to()).isEqualTo(highlight.text().length());
        assertThat(highlight.tokens().get(1)).isEqualTo(new SqlHighlighter.Token(9, highlight.text().length(), "comment"));

        int close = highlight.text().indexOf("WHERE");
        highlight.edit(close, 0, "*/");
        assertThat(highlight.tokens()).isEqualTo(SqlHighlighter.tokens(highlight.text()));
    }

    /** Random edits, each checked against scanning the whole text again, and styles outside the range kept. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void randomEditsGiveTheSameTokensAsAFullScan(long seed) {
        Random random = new Random(seed);
        IncrementalHighlight highlight = new IncrementalHighlight();
        String text = DesktopBench.script().substring(0, 3_000);
        highlight.reset(text);
        for (int i = 0; i < 400; i++) {
            List<SqlHighlighter.Token> before = highlight.tokens();
            String old = highlight.text();
            int position = random.nextInt(old.length() + 1);
            int removed = random.nextInt(4) == 0 ? Math.min(old.length() - position, random.nextInt(6)) : 0;
            String inserted = random.nextInt(5) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];

            IncrementalHighlight.Restyle restyle = highlight.edit(position, removed, inserted);

            String now = highlight.text();
            assertThat(now).isEqualTo(old.substring(0, position) + inserted + old.substring(position + removed));
            assertThat(highlight.tokens()).as("edit %d at %d", i, position).isEqualTo(SqlHighlighter.tokens(now));
            int changeEnd = position + inserted.length();
            assertThat(restyle.from()).isLessThanOrEqualTo(position);
            assertThat(restyle.to()).isGreaterThanOrEqualTo(Math.min(changeEnd, now.length()));
            assertThat(restyle.spans().length()).isEqualTo(restyle.to() - restyle.from());
            String[] newStyles = styles(highlight.tokens(), now.length());
            String[] oldStyles = styles(before, old.length());
            for (int p = 0; p < now.length(); p++) {
                if (p >= restyle.from() && p < restyle.to()) {
                    continue;
                }
                int oldP = p < position ? p : p - inserted.length() + removed;
                assertThat(newStyles[p]).as("style kept at %d after edit %d", p, i).isEqualTo(oldStyles[oldP]);
            }
        }
    }

    private static String[] styles(List<SqlHighlighter.Token> tokens, int length) {
        String[] styles = new String[length];
        java.util.Arrays.fill(styles, "");
        for (SqlHighlighter.Token token : tokens) {
            java.util.Arrays.fill(styles, token.start(), token.end(), token.style());
        }
        return styles;
    }
}
