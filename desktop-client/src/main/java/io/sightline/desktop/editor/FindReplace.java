package io.sightline.desktop.editor;

import java.util.Locale;

/** Finding and replacing text in the editor, without a window: plain text, case-insensitive unless asked. */
public final class FindReplace {

    /** A match {@code start .. end} (exclusive), or none. */
    public record Match(int start, int end) {
    }

    /** The text after replacing every match, and how many were replaced. */
    public record Replaced(String text, int count) {
    }

    private FindReplace() {
    }

    /** The first match at or after {@code from}, wrapping around to the start; null when there is none. */
    public static Match next(String text, String query, int from, boolean matchCase) {
        if (query.isEmpty()) {
            return null;
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        int at = haystack.indexOf(needle, Math.max(0, Math.min(from, text.length())));
        if (at < 0) {
            at = haystack.indexOf(needle);
        }
        return at < 0 ? null : new Match(at, at + query.length());
    }

    /** The last match that ends at or before {@code before}, wrapping around to the end; null when none. */
    public static Match previous(String text, String query, int before, boolean matchCase) {
        if (query.isEmpty()) {
            return null;
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        int at = before - query.length() < 0 ? -1 : haystack.lastIndexOf(needle, before - query.length());
        if (at < 0) {
            at = haystack.lastIndexOf(needle);
        }
        return at < 0 ? null : new Match(at, at + query.length());
    }

    public static int count(String text, String query, boolean matchCase) {
        if (query.isEmpty()) {
            return 0;
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    public static Replaced replaceAll(String text, String query, String replacement, boolean matchCase) {
        if (query.isEmpty()) {
            return new Replaced(text, 0);
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        int count = 0;
        int copied = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            out.append(text, copied, at).append(replacement);
            copied = at + needle.length();
            count++;
        }
        out.append(text, copied, text.length());
        return new Replaced(out.toString(), count);
    }
}
