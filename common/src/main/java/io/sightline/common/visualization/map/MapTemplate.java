package io.sightline.common.visualization.map;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redash's simple templates ({@code {{ @@name }}}, {@code {{ column }}}) for tooltips, as plain text: the template's
 * markup is dropped ({@code <br>} becomes a line break), values are shown as they are (never read as markup) and a
 * placeholder that cannot be resolved stays as written. Plain text: a web page shows it as text, never as markup.
 */
public final class MapTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MapTemplate() {
    }

    public static String render(String template, Map<String, ?> values) {
        String text = TAG.matcher(BREAK.matcher((template == null ? "" : template).replace("\n", "")).replaceAll("\n"))
                .replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object value = values.get(key);
            String replacement = values.containsKey(key) ? (value == null ? "" : String.valueOf(value)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
