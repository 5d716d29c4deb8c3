package io.sightline.desktop.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query snippet's text with its tab stops, as Redash's editor (Ace) writes them: {@code ${1:placeholder}},
 * {@code ${2}} or {@code $3}; {@code $0} (or {@code ${0}}) is where the caret ends. {@code \$} is a plain dollar.
 */
public final class SnippetText {

    /** Where a stop is in the inserted text: {@code start .. end} is its placeholder (empty for none). */
    public record Stop(int number, int start, int end) {
    }

    /** The text to insert and its stops, in the order Tab visits them ($0 last). */
    public record Expanded(String text, List<Stop> stops) {
    }

    private static final Pattern STOP = Pattern.compile("\\\\\\$|\\$\\{(\\d+)(?::([^}]*))?}|\\$(\\d+)");

    private SnippetText() {
    }

    public static Expanded expand(String snippet) {
        StringBuilder text = new StringBuilder();
        List<Stop> stops = new ArrayList<>();
        Matcher matcher = STOP.matcher(snippet);
        int from = 0;
        while (matcher.find()) {
            text.append(snippet, from, matcher.start());
            from = matcher.end();
            if (matcher.group().equals("\\$")) {
                text.append('$');
                continue;
            }
            String number = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String placeholder = matcher.group(2) == null ? "" : matcher.group(2);
            int start = text.length();
            text.append(placeholder);
            stops.add(new Stop(Integer.parseInt(number), start, text.length()));
        }
        text.append(snippet.substring(from));
        stops.sort(Comparator.comparingInt((Stop stop) -> stop.number() == 0 ? Integer.MAX_VALUE : stop.number())
                .thenComparingInt(Stop::start));
        return new Expanded(text.toString(), List.copyOf(stops));
    }
}
