package io.sightline.server.execution.columns;

import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and timestamps as the database writes them, in ISO-8601 form: the offset, the fraction and the
 * era kept as they are. Java's date types would lose each of them: {@code timestamptz} would come back in the
 * JVM's zone, {@code time(3)} without its milliseconds, {@code infinity} as the year 292278994, a BC date as
 * AD, and MariaDB's {@code 838:59:59} modulo 24 hours.
 */
final class TemporalText {

    /** PostgreSQL's {@code 2024-01-02 03:04:05.5+05:30 BC}, DuckDB's {@code 0044-03-15 (BC) 10:00:00}, negative years. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(-?\\d{4,})-(\\d{2})-(\\d{2})( \\(BC\\))?(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2}){0,2})?( BC| \\(BC\\))?");
    private static final Pattern NO_SECONDS = Pattern.compile("(-?\\d{2,}:\\d{2})(Z|[+-]\\d{2}(?::\\d{2})?)?");
    private static final Pattern OFFSET_HOURS = Pattern.compile("([+-]\\d{2})$");

    /** DuckDB's JDBC driver hands out its infinite dates and timestamps as these extreme values. */
    private static final String DUCKDB_INFINITE_DATE = "+5881580-07-11";
    private static final String DUCKDB_NEGATIVE_INFINITE_DATE = "-5877641-06-24";
    private static final String DUCKDB_INFINITE_TIMESTAMP = "+294247-01-10T04:00:54.775807Z";
    private static final String DUCKDB_NEGATIVE_INFINITE_TIMESTAMP = "-290308-12-21T19:59:05.224193Z";

    private TemporalText() {
    }

    static String date(String text) {
        return dateTime(text);
    }

    static String dateTime(String text) {
        return dateTime(text, -1);
    }

    /** @param fractionDigits the digits the column keeps, or -1: a driver's padding beyond them is dropped */
    static String dateTime(String text, int fractionDigits) {
        String trimmed = text.strip();
        String infinite = infinity(trimmed);
        if (infinite != null) {
            return infinite;
        }
        Matcher m = DATE_TIME.matcher(trimmed);
        if (!m.matches()) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder(trimmed.length() + 4);
        out.append(year(m.group(1), m.group(4) != null || m.group(7) != null)).append('-').append(m.group(2)).append('-').append(m.group(3));
        if (m.group(5) != null) {
            out.append('T').append(fraction(m.group(5), fractionDigits));
            if (m.group(5).length() == 5) {
                out.append(":00");
            }
        }
        if (m.group(6) != null) {
            out.append(offset(m.group(6)));
        }
        return out.toString();
    }

    /** A time of day (with its offset as {@code +02:00}), or MariaDB's duration such as {@code -838:59:59}. */
    static String time(String text) {
        String trimmed = text.strip();
        Matcher noSeconds = NO_SECONDS.matcher(trimmed); // DuckDB's driver writes 00:00 (Java's LocalTime)
        if (noSeconds.matches()) {
            trimmed = noSeconds.group(1) + ":00" + (noSeconds.group(2) == null ? "" : noSeconds.group(2));
        }
        return OFFSET_HOURS.matcher(trimmed).find() ? trimmed + ":00" : trimmed; // PostgreSQL's +02 is +02:00
    }

    /**
     * DuckDB's timestamp without time zone: its driver's text is {@code java.sql.Timestamp}'s, which drops the
     * era, so it is read as a {@link LocalDateTime}; its infinities are the extreme values it can hold.
     */
    static String duckDbTimestamp(LocalDateTime time) {
        if (time.getYear() >= 294247) {
            return "infinity";
        }
        if (time.getYear() <= -290308) {
            return "-infinity";
        }
        String iso = ResultColumns.iso(time); // Java writes fractions in groups of three digits; DuckDB does not
        if (iso.indexOf('.') < 0) {
            return iso;
        }
        int end = iso.length();
        while (iso.charAt(end - 1) == '0') {
            end--;
        }
        return iso.substring(0, iso.charAt(end - 1) == '.' ? end - 1 : end);
    }

    private static String fraction(String time, int digits) {
        int dot = time.indexOf('.');
        if (digits < 0 || dot < 0 || time.length() - dot - 1 <= digits) {
            return time;
        }
        return digits == 0 ? time.substring(0, dot) : time.substring(0, dot + 1 + digits);
    }

    private static String infinity(String text) {
        return switch (text) {
            case "infinity", DUCKDB_INFINITE_DATE, DUCKDB_INFINITE_TIMESTAMP -> "infinity";
            case "-infinity", DUCKDB_NEGATIVE_INFINITE_DATE, DUCKDB_NEGATIVE_INFINITE_TIMESTAMP -> "-infinity";
            default -> null;
        };
    }

    /** Year 44 BC is year -43 in ISO-8601 (which has a year 0); years beyond 9999 carry their sign. */
    private static String year(String digits, boolean beforeChrist) {
        long year = Long.parseLong(digits);
        if (beforeChrist) {
            year = 1 - year;
        }
        if (year < 0) {
            return "-" + pad(-year);
        }
        return year > 9999 ? "+" + year : pad(year);
    }

    private static String pad(long value) {
        String digits = Long.toString(value);
        return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    private static String offset(String offset) {
        if (offset.equals("Z")) {
            return offset;
        }
        String digits = offset.substring(1).replace(":", "");
        StringBuilder out = new StringBuilder().append(offset.charAt(0)).append(digits, 0, 2).append(':');
        out.append(digits.length() >= 4 ? digits.substring(2, 4) : "00");
        if (digits.length() == 6) {
            out.append(':').append(digits, 4, 6);
        }
        return out.toString();
    }
}
