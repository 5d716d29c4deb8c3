package io.sightline.server.alert;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redash's custom subject and body templates: {@code {{ NAME }}} (or {@code {{{ NAME }}}}) is replaced by the value
 * of that name in one pass; a value is never read as a template itself, nothing in a template is evaluated, and in
 * HTML every value is escaped (triple braces too). Unknown names render as nothing, as in Mustache.
 */
final class AlertTemplates {

    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{?)\\s*([A-Za-z_]+)\\s*}?}}");

    /** A value as plain text, and as HTML (escaped text, or markup built from escaped parts: the table). */
    record Value(String text, String html) {

        static Value of(Object value) {
            String text = value == null ? "" : value.toString();
            return new Value(text, escape(text));
        }
    }

    private AlertTemplates() {
    }

    static String render(String template, Map<String, Value> context, boolean html) {
        if (template == null) {
            return null;
        }
        Matcher matcher = TAG.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Value value = context.get(matcher.group(2));
            String rendered = value == null ? "" : html ? value.html() : value.text();
            matcher.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
