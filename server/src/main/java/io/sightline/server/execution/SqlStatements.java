package io.sightline.server.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text at the semicolons that end statements, for the in-JVM databases (H2, DuckDB) whose drivers
 * do not hand back one result per statement. Semicolons inside quotes ({@code '...'}, {@code "..."},
 * {@code E'...'} with backslash escapes, {@code $$...$$} and {@code $tag$...$tag$}) and comments
 * ({@code --}, {@code //} in H2, nested {@code /* *}{@code /}) are not ends; pieces holding only blanks and
 * comments are dropped.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean code = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                boolean backslashes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
                i = quoted(sql, i, c, backslashes);
                code = true;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '/' && i + 1 < n && sql.charAt(i + 1) == '/') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockComment(sql, i);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                code = true;
            } else if (c == ';') {
                if (code) {
                    statements.add(sql.substring(start, i).strip());
                }
                start = i + 1;
                code = false;
                i++;
            } else {
                code |= !Character.isWhitespace(c);
                i++;
            }
        }
        if (code) {
            statements.add(sql.substring(start).strip());
        }
        return statements;
    }

    /** The index after the closing quote; a doubled quote is part of the text. */
    static int quoted(String sql, int open, char quote, boolean backslashes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    static int blockComment(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null when the dollar is something else ({@code $1}). */
    static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
                || j > i + 1 && Character.isDigit(sql.charAt(j)))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }
}
