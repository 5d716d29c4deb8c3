package io.sightline.server.execution;

import java.util.regex.Pattern;

/**
 * The database's own words for an error, without what its JDBC driver adds around them: MariaDB's connection
 * number {@code (conn=49)}, DuckDB's "Attempting to execute an unsuccessful or closed pending query result"
 * wrapper, H2's error code and version {@code [42122-232]}. A user fixing the SQL needs the first, never the rest.
 */
final class SqlErrorText {

    private static final Pattern MARIADB_CONNECTION = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern DUCKDB_PENDING = Pattern.compile(
            "^(?:Invalid Input Error: )?Attempting to execute an unsuccessful or closed pending query result\\s*(?:Error: )?");
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+]$");

    private SqlErrorText() {
    }

    static String clean(String message) {
        String text = message.strip();
        text = MARIADB_CONNECTION.matcher(text).replaceFirst("");
        text = DUCKDB_PENDING.matcher(text).replaceFirst("");
        text = H2_CODE.matcher(text).replaceFirst("");
        return text.isBlank() ? message.strip() : text.strip();
    }
}
