package io.sightline.common.visualization;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moment.js formats as Redash saves them ({@code DD/MM/YY HH:mm}, {@code YYYY-MM-DD}, {@code MMM D, YYYY}) as
 * {@link DateTimeFormatter} patterns. Text in {@code [brackets]} is literal, as in moment.
 */
public final class DateTimeFormat {

    private static final String[][] TOKENS = {
            {"YYYY", "uuuu"}, {"YY", "uu"}, {"MMMM", "MMMM"}, {"MMM", "MMM"}, {"MM", "MM"}, {"M", "M"},
            {"dddd", "EEEE"}, {"ddd", "EEE"}, {"DD", "dd"}, {"D", "d"}, {"HH", "HH"}, {"H", "H"}, {"hh", "hh"},
            {"h", "h"}, {"mm", "mm"}, {"m", "m"}, {"ss", "ss"}, {"s", "s"}, {"SSS", "SSS"}, {"A", "a"}, {"a", "a"},
    };

    /**
     * Formatters by moment pattern: building one costs more than formatting with it, and a table formats a column's
     * every cell with one pattern. Immutable and thread-safe; emptied when an editor's typing has filled it.
     */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private DateTimeFormat() {
    }

    public static String format(LocalDateTime value, String momentPattern) {
        return value == null ? "" : formatter(momentPattern).format(value);
    }

    public static DateTimeFormatter formatter(String momentPattern) {
        String moment = momentPattern == null ? ChartOptions.DEFAULT_DATE_TIME_FORMAT : momentPattern;
        DateTimeFormatter known = FORMATTERS.get(moment);
        if (known != null) {
            return known;
        }
        DateTimeFormatter built = DateTimeFormatter.ofPattern(toJava(moment), Locale.ENGLISH);
        if (FORMATTERS.size() >= 64) {
            FORMATTERS.clear();
        }
        FORMATTERS.put(moment, built);
        return built;
    }

    static String toJava(String moment) {
        StringBuilder java = new StringBuilder();
        int i = 0;
        while (i < moment.length()) {
            char c = moment.charAt(i);
            if (c == '[') {
                int close = moment.indexOf(']', i);
                close = close < 0 ? moment.length() : close;
                java.append(literal(moment.substring(i + 1, close)));
                i = close + 1;
                continue;
            }
            String matched = null;
            for (String[] token : TOKENS) {
                if (moment.startsWith(token[0], i)) {
                    java.append(token[1]);
                    matched = token[0];
                    break;
                }
            }
            if (matched != null) {
                i += matched.length();
            } else {
                java.append(Character.isLetter(c) ? literal(String.valueOf(c)) : c == '\'' ? "''" : String.valueOf(c));
                i++;
            }
        }
        return java.toString();
    }

    private static String literal(String text) {
        return text.isEmpty() ? "" : "'" + text.replace("'", "''") + "'";
    }
}
