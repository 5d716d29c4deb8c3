package io.sightline.server.query;

import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redash's query search ({@code q=}) as SQL both metadata databases run: the words of the term must all match
 * (in the name, description or SQL, ignoring case; a number also matches the query's id), {@code or} between words
 * or groups matches either, {@code -word} and {@code -(group)} exclude, parentheses group and {@code "a phrase"}
 * matches as written.
 * Where Redash matches a word at the start of a word of the text (PostgreSQL full-text search), a word here matches
 * anywhere in the text, so {@code sales} also finds "wholesales".
 */
final class QuerySearch {

    static final int MAX_TERMS = 32;
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"?|(-?)([()])|(-?)([^\\s()\"]+)");
    private static final String MATCH = "(LOWER(name) LIKE ? ESCAPE '!' OR LOWER(COALESCE(description, '')) LIKE ?"
            + " ESCAPE '!' OR LOWER(query_text) LIKE ? ESCAPE '!'";

    private record Token(String text, boolean phrase, boolean negated) {
        boolean is(String word) {
            return !phrase && !negated && text.equalsIgnoreCase(word);
        }

        /** "(" or "-(", which excludes the group. */
        boolean opens() {
            return !phrase && text.equals("(");
        }
    }

    private final List<Token> tokens;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private int next;

    private QuerySearch(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Appends the condition for {@code term} to {@code sql} and its values to {@code params}.
     *
     * @throws ApiException 400 when the term has more than {@value #MAX_TERMS} words
     */
    static void where(String term, StringBuilder sql, List<Object> params) {
        QuerySearch search = new QuerySearch(tokens(term));
        String condition = search.or();
        sql.append(" AND ").append(condition.isEmpty() ? "1 = 1" : condition);
        params.addAll(search.params);
    }

    private static List<Token> tokens(String term) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(term);
        while (m.find()) {
            if (m.group(1) != null) {
                if (!m.group(1).isBlank()) {
                    tokens.add(new Token(m.group(1).trim(), true, false));
                }
            } else if (m.group(3) != null) {
                tokens.add(new Token(m.group(3), false, !m.group(2).isEmpty()));
            } else {
                tokens.add(new Token(m.group(5), false, !m.group(4).isEmpty()));
            }
        }
        dropUnmatchedClosings(tokens);
        if (tokens.size() > MAX_TERMS) {
            throw ApiException.badRequest("'q' has " + tokens.size() + " words; the limit is " + MAX_TERMS);
        }
        return tokens;
    }

    /** A ")" that closes nothing is ignored (a "(" left open closes at the end). */
    private static void dropUnmatchedClosings(List<Token> tokens) {
        int depth = 0;
        for (var it = tokens.iterator(); it.hasNext(); ) {
            Token token = it.next();
            if (token.opens()) {
                depth++;
            } else if (token.is(")")) {
                if (depth == 0) {
                    it.remove();
                } else {
                    depth--;
                }
            }
        }
    }

    /** or := and ("or" and)* ; an empty part (a dangling "or") is left out. */
    private String or() {
        List<String> parts = new ArrayList<>();
        parts.add(and());
        while (next < tokens.size() && tokens.get(next).is("or")) {
            next++;
            parts.add(and());
        }
        return join(parts, " OR ");
    }

    /** and := word+ up to "or", ")" or the end. */
    private String and() {
        List<String> parts = new ArrayList<>();
        while (next < tokens.size() && !tokens.get(next).is("or") && !tokens.get(next).is(")")) {
            Token token = tokens.get(next++);
            if (token.opens()) {
                String group = or();
                parts.add(token.negated() && !group.isEmpty() ? "NOT " + group : group);
                if (next < tokens.size() && tokens.get(next).is(")")) {
                    next++;
                }
            } else {
                parts.add(word(token));
            }
        }
        return join(parts, " AND ");
    }

    private String word(Token token) {
        String text = token.text().toLowerCase(Locale.ROOT);
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        StringBuilder match = new StringBuilder(MATCH);
        params.add(pattern);
        params.add(pattern);
        params.add(pattern);
        if (!token.phrase() && text.matches("\\d{1,18}")) {
            match.append(" OR id = ?");
            params.add(Long.parseLong(text));
        }
        match.append(")");
        return token.negated() ? "NOT " + match : match.toString();
    }

    private static String join(List<String> parts, String operator) {
        List<String> present = parts.stream().filter(p -> !p.isEmpty()).toList();
        if (present.size() <= 1) {
            return present.isEmpty() ? "" : present.get(0);
        }
        return "(" + String.join(operator, present) + ")";
    }
}
