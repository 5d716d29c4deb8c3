package io.sightline.common.visualization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads result cells as chart values: numbers (also numbers sent as text), dates and times (as UTC). */
final class ChartValues {

    private ChartValues() {
    }

    /** The number, or null for null, blank or text that is not a number. */
    static Double number(Object cell) {
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (cell instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The moment as UTC local time: ISO date, date-time (with or without offset), epoch milliseconds; else null. */
    static LocalDateTime dateTime(Object cell) {
        if (cell instanceof LocalDateTime t) {
            return t;
        }
        if (cell instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (cell instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (cell instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (cell instanceof Number n) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(n.longValue()), ZoneOffset.UTC);
        }
        if (cell instanceof String s && !s.isBlank()) {
            String text = s.strip().replace(' ', 'T');
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay();
                }
                // the likelier parser first: a failed parse costs an exception, and a million rows make a chart
                if (hasOffset(text)) {
                    try {
                        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    } catch (DateTimeParseException e) {
                        return LocalDateTime.parse(text);
                    }
                }
                LocalDateTime plain = IsoLocalDateTimes.parse(text);
                if (plain != null) {
                    return plain;
                }
                try {
                    return LocalDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                }
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether an ISO date-time text (date and time joined by 'T') ends in an offset: Z, +hh:mm or -hh:mm. */
    static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        return time > 0 && (text.indexOf('Z', time) > 0 || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
    }

    /** A position on a numeric scale for any x kind (dates as epoch seconds), for downsampling. */
    static double position(Object x, int index) {
        if (x instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC);
        }
        if (x instanceof Double d) {
            return d;
        }
        return index;
    }
}
