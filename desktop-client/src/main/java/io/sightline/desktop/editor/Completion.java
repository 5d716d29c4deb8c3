package io.sightline.desktop.editor;

import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.desktop.api.SchemaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to offer at the caret: columns of the tables in the current statement (also through their aliases,
 * {@code c.} after {@code FROM sales.dim_customer c}), tables, schemas and keywords, filtered by the word
 * being typed.
 */
public final class Completion {

    /** An offer; {@code replaceFrom .. caret} of the text is replaced by {@code text}. */
    public record Suggestion(String text, String kind, String detail) {
    }

    /** The offers and where the typed word starts. */
    public record Result(int replaceFrom, String typed, List<Suggestion> suggestions) {
    }

    static final int LIMIT = 200;
    private static final Pattern TABLE_REF = Pattern.compile(
            "(?i)\\b(?:from|join)\\s+([\\w.\"]+)(?:\\s+(?:as\\s+)?([a-z_][\\w]*))?");
    private static final Pattern MORE_TABLES = Pattern.compile(
            "(?i)\\G\\s*,\\s*([\\w.\"]+)(?:\\s+(?:as\\s+)?([a-z_][\\w]*))?");

    private Completion() {
    }

    public static Result at(String text, int caret, List<SchemaTable> schema) {
        return at(text, caret, schema, List.of());
    }

    /**
     * As {@link #at(String, int, List)}, with the query snippets whose trigger starts with the typed word offered
     * first (kind {@code snippet}; the text is the trigger, accepted as the snippet's expanded text).
     */
    public static Result at(String text, int caret, List<SchemaTable> schema, List<QuerySnippet> snippets) {
        Result plain = columnsTablesKeywords(text, caret, schema);
        if (plain.typed().isEmpty() || snippets.isEmpty() || plain.replaceFrom() > 0
                && text.charAt(plain.replaceFrom() - 1) == '.') {
            return plain;
        }
        List<Suggestion> offers = new ArrayList<>();
        for (QuerySnippet snippet : snippets) {
            if (startsWith(snippet.trigger(), plain.typed())) {
                offers.add(new Suggestion(snippet.trigger(), "snippet",
                        snippet.description() == null || snippet.description().isBlank()
                                ? firstLine(snippet.snippet()) : snippet.description()));
            }
        }
        offers.addAll(plain.suggestions());
        return new Result(plain.replaceFrom(), plain.typed(), offers.size() > LIMIT ? offers.subList(0, LIMIT) : offers);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static Result columnsTablesKeywords(String text, int caret, List<SchemaTable> schema) {
        int start = caret;
        while (start > 0 && (SqlHighlighter.isWordPart(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, caret);
        int dot = word.lastIndexOf('.');
        String qualifier = dot < 0 ? null : word.substring(0, dot);
        String typed = dot < 0 ? word : word.substring(dot + 1);
        int replaceFrom = dot < 0 ? start : start + dot + 1;
        Map<String, SchemaTable> aliases = aliases(statementAround(text, caret), schema);
        List<Suggestion> offers = qualifier == null
                ? unqualified(typed, aliases, schema)
                : qualified(qualifier, typed, aliases, schema);
        return new Result(replaceFrom, typed, offers.size() > LIMIT ? offers.subList(0, LIMIT) : offers);
    }

    private static List<Suggestion> qualified(String qualifier, String typed, Map<String, SchemaTable> aliases,
                                              List<SchemaTable> schema) {
        String key = unquote(qualifier).toLowerCase(Locale.ROOT);
        SchemaTable table = aliases.get(key);
        if (table == null) {
            table = find(schema, key).orElse(null);
        }
        List<Suggestion> offers = new ArrayList<>();
        if (table != null) {
            for (SchemaTable.SchemaColumn column : table.columns()) {
                if (startsWith(column.name(), typed)) {
                    offers.add(new Suggestion(column.name(), "column", column.type() == null ? table.shortName()
                            : column.type()));
                }
            }
            return offers;
        }
        for (SchemaTable candidate : schema) {
            if (key.equalsIgnoreCase(candidate.schemaName()) && startsWith(candidate.shortName(), typed)) {
                offers.add(new Suggestion(candidate.shortName(), "table", candidate.schemaName()));
            }
        }
        return offers;
    }

    private static List<Suggestion> unqualified(String typed, Map<String, SchemaTable> aliases,
                                                List<SchemaTable> schema) {
        Set<Suggestion> offers = new LinkedHashSet<>();
        Set<SchemaTable> inStatement = new LinkedHashSet<>(aliases.values());
        for (SchemaTable table : inStatement) {
            for (SchemaTable.SchemaColumn column : table.columns()) {
                if (startsWith(column.name(), typed)) {
                    offers.add(new Suggestion(column.name(), "column", table.shortName()
                            + (column.type() == null ? "" : " \u00B7 " + column.type())));
                }
            }
        }
        for (Map.Entry<String, SchemaTable> alias : aliases.entrySet()) {
            if (!alias.getKey().equalsIgnoreCase(alias.getValue().name())
                    && !alias.getKey().equalsIgnoreCase(alias.getValue().shortName()) && startsWith(alias.getKey(), typed)) {
                offers.add(new Suggestion(alias.getKey(), "alias", alias.getValue().name()));
            }
        }
        Set<String> schemas = new LinkedHashSet<>();
        for (SchemaTable table : schema) {
            if (startsWith(table.name(), typed) || startsWith(table.shortName(), typed)) {
                offers.add(new Suggestion(table.name(), "table", table.columns().size() + " columns"));
            }
            if (table.schemaName() != null && startsWith(table.schemaName(), typed)) {
                schemas.add(table.schemaName());
            }
        }
        schemas.forEach(name -> offers.add(new Suggestion(name, "schema", "")));
        if (!typed.isEmpty()) {
            boolean lower = typed.equals(typed.toLowerCase(Locale.ROOT));
            for (String keyword : SqlKeywords.all()) {
                if (startsWith(keyword, typed) && !keyword.equalsIgnoreCase(typed)) {
                    offers.add(new Suggestion(lower ? keyword.toLowerCase(Locale.ROOT) : keyword,
                            SqlKeywords.isKeyword(keyword) ? "keyword" : "function", ""));
                }
            }
        }
        return new ArrayList<>(offers);
    }

    /** Aliases and names (lower case) of the tables the statement reads, to their tables in the schema. */
    static Map<String, SchemaTable> aliases(String statement, List<SchemaTable> schema) {
        Map<String, SchemaTable> found = new LinkedHashMap<>();
        Matcher ref = TABLE_REF.matcher(statement);
        while (ref.find()) {
            add(found, ref.group(1), ref.group(2), schema);
            Matcher more = MORE_TABLES.matcher(statement);
            int at = ref.end();
            while (more.find(at) && more.start() == at) {
                add(found, more.group(1), more.group(2), schema);
                at = more.end();
            }
        }
        return found;
    }

    private static void add(Map<String, SchemaTable> found, String name, String alias, List<SchemaTable> schema) {
        Optional<SchemaTable> table = find(schema, unquote(name).toLowerCase(Locale.ROOT));
        if (table.isEmpty()) {
            return;
        }
        found.put(table.get().shortName().toLowerCase(Locale.ROOT), table.get());
        found.put(table.get().name().toLowerCase(Locale.ROOT), table.get());
        if (alias != null && !SqlKeywords.isKeyword(alias)) {
            found.put(alias.toLowerCase(Locale.ROOT), table.get());
        }
    }

    private static Optional<SchemaTable> find(List<SchemaTable> schema, String lowerName) {
        return schema.stream().filter(t -> t.name().equalsIgnoreCase(lowerName)).findFirst()
                .or(() -> schema.stream().filter(t -> t.shortName().equalsIgnoreCase(lowerName)).findFirst());
    }

    /** The text between the semicolons around the caret. */
    static String statementAround(String text, int caret) {
        int start = text.lastIndexOf(';', Math.max(0, caret - 1));
        int end = text.indexOf(';', caret);
        return text.substring(start < 0 ? 0 : start + 1, end < 0 ? text.length() : end);
    }

    private static String unquote(String name) {
        return name.replace("\"", "");
    }

    private static boolean startsWith(String candidate, String typed) {
        return candidate.regionMatches(true, 0, typed, 0, typed.length());
    }
}
