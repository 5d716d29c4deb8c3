package io.sightline.common.parameter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL text each tag stands for, and writing it into the query. Text, pattern, enum and query
 * values are escaped for a single-quoted literal; numbers and dates are canonical already and contain
 * nothing that could leave a literal or start a comment.
 */
final class SqlFragments {

    private final Map<String, String> byTag = new HashMap<>();
    private final Map<String, ParameterType> types = new HashMap<>();
    private final boolean rawText;

    /** @param rawText whether {@link ParameterType#TEXT} values are written as they are (see ParameterBinder) */
    SqlFragments(boolean rawText) {
        this.rawText = rawText;
    }

    /**
     * Adds the fragments of one parameter: {@code name} for a single or multi value,
     * {@code name.start} and {@code name.end} for a range.
     *
     * @throws IllegalArgumentException when a value cannot be put into SQL (a NUL character)
     */
    void add(ParameterDeclaration declaration, ValidatedValue value, SqlDialect dialect) {
        String name = declaration.name();
        types.put(name, declaration.type());
        if (value instanceof ValidatedValue.Single single) {
            byTag.put(name, rawText && declaration.type() == ParameterType.TEXT
                    ? single.text() : literal(declaration.type(), single.text(), dialect));
        } else if (value instanceof ValidatedValue.Multi multi) {
            byTag.put(name, joined(declaration, multi.values(), dialect));
        } else if (value instanceof ValidatedValue.Range range) {
            byTag.put(name + ".start", range.start());
            byTag.put(name + ".end", range.end());
        }
    }

    /** The SQL with every tag replaced; each tag must have a fragment. */
    String render(String sql, List<MustacheTags.Tag> tags) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int from = 0;
        for (MustacheTags.Tag tag : tags) {
            out.append(sql, from, tag.start());
            String key = tag.member() == null ? tag.name() : tag.name() + "." + tag.member();
            String fragment = byTag.get(key);
            if (fragment == null) {
                throw new IllegalStateException("no value for " + key);
            }
            if (fragment.startsWith("-") && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                // 10-{{ n }} with n = -5 must not become "10--5", which comments out the rest of the line
                out.append(' ');
            }
            out.append(fragment);
            from = tag.end();
        }
        return out.append(sql, from, sql.length()).toString();
    }

    private static String literal(ParameterType type, String text, SqlDialect dialect) {
        return switch (type) {
            case TEXT, TEXT_PATTERN, ENUM, QUERY -> dialect.escapeStringContent(text);
            default -> text;
        };
    }

    /**
     * Each item between the declared prefix and suffix only when every item is a plain number; otherwise each
     * item is a single-quoted, escaped literal whatever the prefix and suffix say, since an empty or double-quote
     * prefix would leave a text item outside any string literal.
     */
    private static String joined(ParameterDeclaration declaration, List<String> values, SqlDialect dialect) {
        MultiValuesOptions options = declaration.multiValuesOptions();
        if (values.stream().allMatch(value -> PLAIN_NUMBER.matcher(value).matches())) {
            return values.stream().map(value -> options.prefix() + value + options.suffix())
                    .collect(Collectors.joining(options.separator()));
        }
        return values.stream().map(value -> "'" + dialect.escapeStringContent(value) + "'")
                .collect(Collectors.joining(options.separator()));
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");
}
