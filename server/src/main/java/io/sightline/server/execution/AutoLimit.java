package io.sightline.server.execution;

import io.sightline.server.datasource.DataSourceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redash's {@code apply_auto_limit} (the editor's "LIMIT 1000" box): when asked, a last statement that is a
 * {@code SELECT} with no {@code LIMIT} of its own gets {@code LIMIT 1000} appended before it runs, so it is part of
 * the text that is hashed, cached and stored with the result. Only the statement's own words count, not those in
 * parentheses (sub-queries), quotes or comments; unlike Redash, one ending in {@code OFFSET} or
 * {@code FETCH FIRST} is left alone too (appending to those is a syntax error).
 */
final class AutoLimit {

    static final int ROWS = 1000;
    static final String OPTION = "apply_auto_limit";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LIMITING = Set.of("LIMIT", "OFFSET", "FETCH");

    private AutoLimit() {
    }

    /** A saved query's own choice, {@code options.apply_auto_limit} (false when absent), as Redash reads it. */
    static boolean chosenIn(String optionsJson) {
        return optionsJson != null && !optionsJson.isBlank() && JSON.readTree(optionsJson).path(OPTION).asBoolean(false);
    }

    /** @param apply asked for, and honoured where the data source {@link DataSourceInfo#supportsAutoLimit()} */
    static String apply(String sql, boolean apply, DataSourceInfo source) {
        return source.supportsAutoLimit() ? apply(sql, apply) : sql;
    }

    static String apply(String sql, boolean apply) {
        if (!apply) {
            return sql;
        }
        List<String> statements = new ArrayList<>(SqlStatements.split(sql));
        if (statements.isEmpty()) {
            return sql;
        }
        String last = statements.get(statements.size() - 1);
        Words words = topLevelWords(last);
        if (words.list.isEmpty() || !words.list.get(0).equals("SELECT") || words.list.stream().anyMatch(LIMITING::contains)) {
            return sql;
        }
        statements.set(statements.size() - 1, last + (words.endsInLineComment ? "\n" : " ") + "LIMIT " + ROWS);
        return String.join(";\n", statements);
    }

    private record Words(List<String> list, boolean endsInLineComment) {
    }

    /** The statement's words outside parentheses, quotes and comments, upper-cased. */
    private static Words topLevelWords(String sql) {
        List<String> words = new ArrayList<>();
        boolean lineComment = false;
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            lineComment = false;
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlStatements.quoted(sql, i, c, false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                lineComment = end < 0;
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlStatements.blockComment(sql, i);
            } else if (c == '$' && SqlStatements.dollarTag(sql, i) != null) {
                String tag = SqlStatements.dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                if (depth == 0) {
                    words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
                }
            } else {
                i++;
            }
        }
        return new Words(words, lineComment);
    }
}
