package io.sightline.common.parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the variable tags in SQL: {@code {{ name }}} or {@code {{{ name }}}}, spaces inside the braces
 * optional, with an optional {@code .member} ({@code {{ period.start }}}). Redash renders without HTML
 * escaping, so triple braces mean the same as double ones. Other Mustache tags (sections, comments,
 * partials) are not parameters and are left in the text as they are.
 */
final class MustacheTags {

    /** One tag: its place in the SQL ({@code end} exclusive), the name and the member or null. */
    record Tag(int start, int end, String name, String member) {
    }

    private static final String NAME = "[\\p{L}\\p{N}_-]+";
    private static final String BODY = "\\s*(" + NAME + ")(?:\\.(" + NAME + "))?\\s*";
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{" + BODY + "\\}\\}\\}|\\{\\{" + BODY + "\\}\\}");

    private MustacheTags() {
    }

    static List<Tag> find(String sql) {
        List<Tag> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(sql);
        while (matcher.find()) {
            boolean triple = matcher.group(1) != null;
            tags.add(new Tag(matcher.start(), matcher.end(),
                    matcher.group(triple ? 1 : 3), matcher.group(triple ? 2 : 4)));
        }
        return tags;
    }
}
