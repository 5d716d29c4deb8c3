package io.sightline.server.result;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and timestamps in CSV and TSV downloads, as Redash's {@code serialize_query_result_to_dsv} writes them: the
 * organization's {@code date_format} (and {@code time_format} after a space, for timestamps) with its tokens
 * {@code YYYY YY MM DD HH mm ss SSS} read as strftime's {@code %Y %y %m %d %H %M %S %f} — so {@code SSS} is six digits
 * of microseconds, as Redash writes it. The time is the one stored, its offset left out; a value that is not an ISO
 * date of the years 1 to 9999 is written as it is.
 */
final class DsvDates {

    private final String dateFormat;
    private final String dateTimeFormat;

    DsvDates(String dateFormat, String timeFormat) {
        this.dateFormat = strftime(dateFormat);
        this.dateTimeFormat = strftime(dateFormat + " " + timeFormat);
    }

    String date(String value) {
        return format(value, dateFormat);
    }

    String dateTime(String value) {
        return format(value, dateTimeFormat);
    }

    /** Redash's {@code _convert_format}, replacement by replacement in its order. */
    private static String strftime(String format) {
        return format.replace("%", "%%").replace("DD", "%d").replace("MM", "%m").replace("YYYY", "%Y")
                .replace("YY", "%y").replace("HH", "%H").replace("mm", "%M").replace("ss", "%S").replace("SSS", "%f");
    }

    private static String format(String value, String format) {
        TemporalAccessor time = parse(value);
        if (time == null) {
            return value;
        }
        StringBuilder out = new StringBuilder(format.length() + 8);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char directive = format.charAt(++i);
            switch (directive) {
                case 'Y' -> pad(out, time.get(ChronoField.YEAR), 4);
                case 'y' -> pad(out, time.get(ChronoField.YEAR) % 100, 2);
                case 'm' -> pad(out, time.get(ChronoField.MONTH_OF_YEAR), 2);
                case 'd' -> pad(out, time.get(ChronoField.DAY_OF_MONTH), 2);
                case 'H' -> pad(out, field(time, ChronoField.HOUR_OF_DAY), 2);
                case 'M' -> pad(out, field(time, ChronoField.MINUTE_OF_HOUR), 2);
                case 'S' -> pad(out, field(time, ChronoField.SECOND_OF_MINUTE), 2);
                case 'f' -> pad(out, field(time, ChronoField.MICRO_OF_SECOND), 6);
                default -> out.append(directive);
            }
        }
        return out.toString();
    }

    private static int field(TemporalAccessor time, ChronoField field) {
        return time.isSupported(field) ? time.get(field) : 0;
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    private static TemporalAccessor parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        TemporalAccessor time = null;
        try {
            if (value.length() == 10) {
                time = LocalDate.parse(value);
            } else if (value.endsWith("Z") || value.lastIndexOf('+') > 0 || value.lastIndexOf('-') > 9) {
                time = OffsetDateTime.parse(value);
            } else {
                time = LocalDateTime.parse(value);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        int year = time.get(ChronoField.YEAR);
        return year >= 1 && year <= 9999 ? time : null;
    }
}
