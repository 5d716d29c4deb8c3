package io.sightline.common.parameter;

/**
 * How a value is escaped to sit between the single quotes the SQL author wrote around a tag, as in
 * {@code WHERE name = '{{ name }}'}. The escaping protects that literal only: a tag the author left
 * unquoted (or put in a comment, or in a double-quoted or {@code E'...'} string) takes the text as
 * SQL, which is why queries with {@link ParameterType#TEXT} parameters are not safe.
 */
public enum SqlDialect {

    /**
     * Standard SQL strings (PostgreSQL with {@code standard_conforming_strings} on, its default since
     * 9.1, which the server makes sure of on every connection it lends; DuckDB; H2): a quote is written
     * twice, a backslash is an ordinary character.
     */
    ANSI {
        @Override
        String escapeNonNul(String value) {
            return value.replace("'", "''");
        }
    },

    /**
     * MySQL and MariaDB, where a backslash escapes the next character inside a string: backslashes are
     * doubled too. Under {@code NO_BACKSLASH_ESCAPES} a backslash then arrives doubled, but the
     * literal still cannot be left.
     */
    MYSQL {
        @Override
        String escapeNonNul(String value) {
            return value.replace("\\", "\\\\").replace("'", "''");
        }
    };

    /** The dialect's name in the API ({@code sql_dialect} of a data source): {@code ansi} or {@code mysql}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The dialect an API name stands for; standard SQL for a name this version does not know, or none. */
    public static SqlDialect ofId(String id) {
        for (SqlDialect dialect : values()) {
            if (dialect.id().equals(id)) {
                return dialect;
            }
        }
        return ANSI;
    }

    /**
     * The text to put between single quotes so that the database reads back {@code value}.
     *
     * @throws IllegalArgumentException if the value holds a NUL character, which drivers and
     *     databases treat inconsistently (some end the statement there, PostgreSQL refuses it in text),
     *     or half of a UTF-16 surrogate pair, which is no character and would reach the database as '?'
     */
    public String escapeStringContent(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("contains a NUL character, which cannot be put into SQL");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not a character");
            }
        }
        return escapeNonNul(value);
    }

    abstract String escapeNonNul(String value);
}
