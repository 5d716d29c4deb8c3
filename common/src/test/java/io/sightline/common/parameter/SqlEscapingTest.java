package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values written between the author's quotes must stay one literal, read back by the database as the
 * value itself, whatever quotes, backslashes or comment markers they contain.
 */
class SqlEscapingTest {

    private static final String BEFORE = "SELECT * FROM users WHERE name = '";
    private static final String AFTER = " AND tenant_id = 7";
    private static final String TEMPLATE = BEFORE + "{{ q }}'" + AFTER;

    private static final String[] HOSTILE = {
        "'; DROP TABLE users; --",
        "\\'; DROP TABLE users; --",
        "\\",
        "ends with a backslash\\",
        "\\\\'",
        "''",
        "O'Brien",
        "-- comment",
        "/* comment */",
        "*/ OR 1=1 /*",
        "first line\nsecond'; --",
        "\\' OR '1'='1",
        "\u02bc look-alike \uff07 quotes",
    };

    private final ParameterBinder binder = new ParameterBinder(Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void keepsHostileTextInsideOneLiteral(SqlDialect dialect) {
        for (String value : HOSTILE) {
            String sql = binder.bindUndeclared(TEMPLATE, Map.of("q", value), dialect).sql();

            SqlLiteralReader.Literal literal = SqlLiteralReader.read(sql, BEFORE.length() - 1, dialect);

            assertThat(literal.value()).as("value read back from %s", sql).isEqualTo(value);
            assertThat(sql.substring(literal.end())).as("SQL after the literal of %s", sql).isEqualTo(AFTER);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ANSI  | it's                     | it''s",
        "ANSI  | a\\b                     | a\\b",
        "ANSI  | '; DROP TABLE users; --  | ''; DROP TABLE users; --",
        "ANSI  | \\'; DROP TABLE users; -- | \\''; DROP TABLE users; --",
        "MYSQL | it's                     | it''s",
        "MYSQL | a\\b                     | a\\\\b",
        "MYSQL | \\'; DROP TABLE users; -- | \\\\''; DROP TABLE users; --",
        "MYSQL | -- /* */                 | -- /* */",
    })
    void escapesQuotesAndForMySqlBackslashes(SqlDialect dialect, String value, String escaped) {
        assertThat(dialect.escapeStringContent(value)).isEqualTo(escaped);
    }

    @Test
    void standardEscapingWouldNotHoldInMySql() {
        // why MySQL has its own dialect: there \' is an escaped quote, so the doubled quote after it closes the literal
        String sql = BEFORE + SqlDialect.ANSI.escapeStringContent("\\'; DROP TABLE users; --") + "'" + AFTER;

        SqlLiteralReader.Literal literal = SqlLiteralReader.read(sql, BEFORE.length() - 1, SqlDialect.MYSQL);

        assertThat(sql.substring(literal.end())).startsWith("; DROP TABLE users; --");
    }

    @Test
    void mySqlEscapingStaysOneLiteralWithoutBackslashEscapes() {
        // under NO_BACKSLASH_ESCAPES the backslashes arrive doubled, but the literal still holds
        String value = "\\'; DROP TABLE users; --";
        String sql = BEFORE + SqlDialect.MYSQL.escapeStringContent(value) + "'" + AFTER;

        SqlLiteralReader.Literal literal = SqlLiteralReader.read(sql, BEFORE.length() - 1, SqlDialect.ANSI);

        assertThat(sql.substring(literal.end())).isEqualTo(AFTER);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void rejectsNulCharacter(SqlDialect dialect) {
        assertThatThrownBy(() -> dialect.escapeStringContent("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contains a NUL character, which cannot be put into SQL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0'; DROP TABLE users; --", "\0"})
    void reportsNulAsParameterProblem(String value) {
        assertThatThrownBy(() -> binder.bindUndeclared(TEMPLATE, Map.of("q", value), SqlDialect.ANSI))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter 'q': contains a NUL character, which cannot be put into SQL");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void keepsEachMultiValueInItsOwnLiteral(SqlDialect dialect) {
        List<String> options = List.of("O'Hare", "back\\slash'", "'); DROP TABLE users; --");
        ParameterDeclaration airports = new ParameterDeclaration("airports", "Airports", ParameterType.QUERY, null,
                null, 3L, new MultiValuesOptions("'", "'", ", "), null);
        String sql = binder.bind("SELECT 1 WHERE code IN ({{ airports }}) AND x = 1", List.of(airports),
                Map.of("airports", options), dialect, queryId -> options).sql();

        int at = "SELECT 1 WHERE code IN (".length();
        for (int i = 0; i < options.size(); i++) {
            SqlLiteralReader.Literal literal = SqlLiteralReader.read(sql, at, dialect);
            assertThat(literal.value()).isEqualTo(options.get(i));
            at = literal.end() + (i < options.size() - 1 ? ", ".length() : 0);
        }
        assertThat(sql.substring(at)).isEqualTo(") AND x = 1");
    }

    /** A client told a dialect this version does not know escapes as standard SQL, never as nothing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {"ansi|ANSI", "mysql|MYSQL", "oracle|ANSI", "null|ANSI"})
    void dialectsAreNamedInTheApiByLowerCaseIds(String id, SqlDialect dialect) {
        assertThat(SqlDialect.ofId(id)).isEqualTo(dialect);
        assertThat(SqlDialect.ofId(dialect.id())).isEqualTo(dialect);
    }
}
