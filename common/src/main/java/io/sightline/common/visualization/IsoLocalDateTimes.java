package io.sightline.common.visualization;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Reads the commonest date-time text of a result, {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with no offset, without
 * {@link java.time.format.DateTimeFormatter} (which, at a couple of microseconds and several map look-ups a text,
 * was most of shaping a line of a million rows). Anything else, or a value out of range, is left to the formatter:
 * the caller then parses as before, so a text reads the same either way.
 */
final class IsoLocalDateTimes {

    private IsoLocalDateTimes() {
    }

    /** The date-time, or null when the text is not exactly of this form or not a valid date and time. */
    static LocalDateTime parse(String text) {
        int n = text.length();
        if (n < 16 || n > 29 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = 0;
        int nano = 0;
        if (n > 16) {
            if (n < 19 || text.charAt(16) != ':') {
                return null;
            }
            second = digits(text, 17, 19);
            if (n > 19) {
                if (n == 20 || text.charAt(19) != '.') {
                    return null;
                }
                int fraction = digits(text, 20, n);
                if (fraction < 0) {
                    return null;
                }
                nano = fraction;
                for (int i = n - 20; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 if any of its characters is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
