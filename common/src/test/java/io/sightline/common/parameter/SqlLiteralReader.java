package io.sightline.common.parameter;

/** Reads a single-quoted SQL string literal the way the database of a dialect does. */
final class SqlLiteralReader {

    /** The value the database sees, and the index just after the closing quote. */
    record Literal(String value, int end) {
    }

    private SqlLiteralReader() {
    }

    static Literal read(String sql, int openingQuote, SqlDialect dialect) {
        if (sql.charAt(openingQuote) != '\'') {
            throw new IllegalArgumentException("no quote at " + openingQuote + " in " + sql);
        }
        StringBuilder value = new StringBuilder();
        int i = openingQuote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && dialect == SqlDialect.MYSQL && i + 1 < sql.length()) {
                // MySQL: a backslash takes the next character literally (\n and friends do not occur here)
                value.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                return new Literal(value.toString(), i + 1);
            } else {
                value.append(c);
                i++;
            }
        }
        throw new AssertionError("the literal is never closed: " + sql);
    }
}
