package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.editor.SqlHighlighter.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlHighlighterTest {

    private static String styleOf(String sql, String fragment) {
        int at = sql.indexOf(fragment);
        return SqlHighlighter.tokens(sql).stream().filter(t -> t.start() <= at && at < t.end())
                .map(Token::style).findFirst().orElse("plain");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT a FROM t               | SELECT   | keyword",
            "select a from t               | from     | keyword",
            "SELECT COUNT(*) FROM t        | COUNT    | function",
            "SELECT count FROM t           | count    | plain",
            "SELECT 'it''s FROM' FROM t    | s FROM   | string",
            "SELECT \"from\" FROM t        | from     | quoted-name",
            "SELECT 42 FROM t              | 42       | number",
            "SELECT a1 FROM t              | a1       | plain",
            "SELECT 1 -- FROM here         | FROM     | comment",
            "WHERE d > '{{ start }}'       | start    | parameter",
            "WHERE d > '{{ a }}' OR 'xyz'  | xyz      | string",
            "WHERE d > {{{ start }}}       | start    | parameter",
            "SELECT (1)                    | (        | bracket"})
    void stylesEachKindOfToken(String sql, String fragment, String style) {
        assertThat(styleOf(sql, fragment)).isEqualTo(style);
    }

    @Test
    void stylesABlockCommentOverSeveralLines() {
        assertThat(styleOf("SELECT /* FROM\n x */ 1", "x")).isEqualTo("comment");
        assertThat(styleOf("SELECT /* FROM\n x */ 1", "1")).isEqualTo("number");
    }

    @Test
    void leavesAnUnclosedParameterTagAsPlainText() {
        assertThat(styleOf("SELECT {{ name", "name")).isEqualTo("plain");
    }

    @Test
    void buildsSpansCoveringExactlyTheRange() {
        String sql = "SELECT 'x' FROM t";
        var spans = SqlHighlighter.spans(SqlHighlighter.tokens(sql), 3, 12);

        assertThat(spans.length()).isEqualTo(9);
    }
}
