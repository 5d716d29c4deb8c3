package io.sightline.server.execution.columns;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interval as an ISO-8601 duration ({@code P1Y2M3DT4H5M6.789S}), one stable form for PostgreSQL's
 * {@code 1 year 2 mons 3 days 04:05:06.789}, DuckDB's {@code 1 year 2 months ...} and H2's
 * {@code INTERVAL '1-2' YEAR TO MONTH}. Like {@link java.time.Period} and {@link java.time.Duration}, each part
 * carries its own sign ({@code P1Y-2D}), because PostgreSQL's intervals mix signs; hours are not folded into
 * days ({@code PT838H59M59S}), since a day is not always 24 hours.
 */
final class IsoDuration {

    private static final Pattern PART = Pattern.compile(
            "([+-]?\\d+)\\s+(years?|months?|mons?|days?)|([+-])?(\\d+):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?");

    private IsoDuration() {
    }

    static String of(Object raw, String text) {
        if (raw instanceof org.h2.api.Interval h2) {
            int sign = h2.isNegative() ? -1 : 1; // whether H2's parts carry the sign or not, they get it once
            BigDecimal seconds = BigDecimal.valueOf(Math.abs(h2.getSeconds()))
                    .add(BigDecimal.valueOf(Math.abs(h2.getNanosOfSecond()), 9));
            return format(sign * Math.abs(h2.getYears()), sign * Math.abs(h2.getMonths()),
                    sign * Math.abs(h2.getDays()), sign * Math.abs(h2.getHours()), sign * Math.abs(h2.getMinutes()),
                    sign < 0 ? seconds.negate() : seconds);
        }
        return parse(text);
    }

    /** PostgreSQL's and DuckDB's text; a form it does not know is kept as the database wrote it. */
    static String parse(String text) {
        long years = 0;
        long months = 0;
        long days = 0;
        long hours = 0;
        long minutes = 0;
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher m = PART.matcher(text.strip());
        int end = 0;
        while (m.find()) {
            if (!text.strip().substring(end, m.start()).isBlank()) {
                return text;
            }
            end = m.end();
            if (m.group(1) != null) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2).toLowerCase(Locale.ROOT);
                if (unit.startsWith("year")) {
                    years = n;
                } else if (unit.startsWith("mon")) {
                    months = n;
                } else {
                    days = n;
                }
            } else {
                int sign = "-".equals(m.group(3)) ? -1 : 1;
                hours = sign * Long.parseLong(m.group(4));
                minutes = sign * Long.parseLong(m.group(5));
                seconds = m.group(6) == null ? BigDecimal.ZERO : new BigDecimal(m.group(6));
                if (sign < 0) {
                    seconds = seconds.negate();
                }
            }
        }
        if (end == 0 || !text.strip().substring(end).isBlank()) {
            return text;
        }
        return format(years, months, days, hours, minutes, seconds);
    }

    static String format(long years, long months, long days, long hours, long minutes, BigDecimal seconds) {
        StringBuilder out = new StringBuilder("P");
        part(out, years, 'Y');
        part(out, months, 'M');
        part(out, days, 'D');
        boolean hasSeconds = seconds.signum() != 0;
        if (hours != 0 || minutes != 0 || hasSeconds) {
            out.append('T');
            part(out, hours, 'H');
            part(out, minutes, 'M');
            if (hasSeconds) {
                out.append(seconds.stripTrailingZeros().toPlainString()).append('S');
            }
        }
        return out.length() == 1 ? "PT0S" : out.toString();
    }

    private static void part(StringBuilder out, long value, char unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }
}
