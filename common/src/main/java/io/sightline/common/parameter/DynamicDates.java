package io.sightline.common.parameter;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Redash's dynamic date values ({@code d_last_7_days}, ...), which stand for dates relative to now and are
 * resolved when the query runs, with exactly the definitions of Redash's web client ({@code DateParameter.js},
 * {@code DateRangeParameter.js}, moment.js in its default English locale). "Now" is the time of the given
 * {@link Clock} in the clock's own time zone.
 *
 * <ul>
 *   <li>Weeks run Sunday to Saturday.
 *   <li>Calendar periods are whole: {@code d_this_month} runs to the last moment of the month's last day.
 *   <li>"Last N days/months/years" start at the beginning of the day N days (months, years) ago and end now:
 *       {@code d_last_7_days} on 2024-03-15 at 10:30 is 2024-03-08 00:00 .. 2024-03-15 10:30.
 *   <li>"Last N hours" run from now minus N hours to now.
 * </ul>
 * A range's end is the last moment it covers (23:59:59.999999999 for a whole day); it is shown in the precision
 * of the parameter (a date, minutes or seconds), as Redash formats it.
 */
public final class DynamicDates {

    /** Both ends included. */
    public record DateTimeRange(LocalDateTime start, LocalDateTime end) {
        public DateTimeRange {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (start.isAfter(end)) {
                throw new IllegalArgumentException("start " + start + " is after end " + end);
            }
        }
    }

    /** A token with the label a quick-pick menu shows for it. */
    public record DynamicDate(String token, String label) {
    }

    private DynamicDates() {
    }

    /** {@code d_now} (today) and {@code d_yesterday}; empty for anything else. */
    public static Optional<LocalDate> resolveDate(String token, Clock clock) {
        return SingleDate.of(token).map(date -> date.shift.apply(LocalDate.now(clock)));
    }

    /**
     * For date-time parameters: {@code d_now} is the current time, {@code d_yesterday} the same time a
     * day ago (as in Redash); empty for anything else.
     */
    public static Optional<LocalDateTime> resolveDateTime(String token, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        return SingleDate.of(token).map(date -> now.with(date.shift.apply(now.toLocalDate())));
    }

    /** One of the range tokens listed by {@link #rangeChoices()}; empty for anything else. */
    public static Optional<DateTimeRange> resolveRange(String token, Clock clock) {
        return RelativeRange.of(token).map(range -> range.resolve.apply(LocalDateTime.now(clock)));
    }

    public static List<DynamicDate> dateChoices() {
        return Arrays.stream(SingleDate.values()).map(date -> new DynamicDate(date.token, date.label)).toList();
    }

    public static List<DynamicDate> rangeChoices() {
        return Arrays.stream(RelativeRange.values())
                .map(range -> new DynamicDate(range.token, range.label))
                .toList();
    }

    private enum SingleDate {
        NOW("d_now", "Today", today -> today),
        YESTERDAY("d_yesterday", "Yesterday", today -> today.minusDays(1));

        final String token;
        final String label;
        final UnaryOperator<LocalDate> shift;

        SingleDate(String token, String label, UnaryOperator<LocalDate> shift) {
            this.token = token;
            this.label = label;
            this.shift = shift;
        }

        static Optional<SingleDate> of(String token) {
            return Arrays.stream(values()).filter(date -> date.token.equals(token)).findFirst();
        }
    }

    /** In the order and with the names of Redash's {@code DYNAMIC_DATE_RANGES}. */
    private enum RelativeRange {
        TODAY("d_today", "Today", now -> days(now.toLocalDate(), now.toLocalDate())),
        YESTERDAY("d_yesterday", "Yesterday", now -> day(now.toLocalDate().minusDays(1))),
        THIS_WEEK("d_this_week", "This week", now -> week(now.toLocalDate())),
        THIS_MONTH("d_this_month", "This month", now -> month(YearMonth.from(now))),
        THIS_YEAR("d_this_year", "This year", now -> year(now.getYear())),
        LAST_WEEK("d_last_week", "Last week", now -> week(now.toLocalDate().minusWeeks(1))),
        LAST_MONTH("d_last_month", "Last month", now -> month(YearMonth.from(now).minusMonths(1))),
        LAST_YEAR("d_last_year", "Last year", now -> year(now.getYear() - 1)),
        LAST_HOUR("d_last_hour", "Last hour", now -> hours(now, 1)),
        LAST_8_HOURS("d_last_8_hours", "Last 8 hours", now -> hours(now, 8)),
        LAST_24_HOURS("d_last_24_hours", "Last 24 hours", now -> hours(now, 24)),
        LAST_7_DAYS("d_last_7_days", "Last 7 days", now -> since(now, now.toLocalDate().minusDays(7))),
        LAST_14_DAYS("d_last_14_days", "Last 14 days", now -> since(now, now.toLocalDate().minusDays(14))),
        LAST_30_DAYS("d_last_30_days", "Last 30 days", now -> since(now, now.toLocalDate().minusDays(30))),
        LAST_60_DAYS("d_last_60_days", "Last 60 days", now -> since(now, now.toLocalDate().minusDays(60))),
        LAST_90_DAYS("d_last_90_days", "Last 90 days", now -> since(now, now.toLocalDate().minusDays(90))),
        LAST_12_MONTHS("d_last_12_months", "Last 12 months", now -> since(now, now.toLocalDate().minusMonths(12))),
        LAST_2_YEARS("d_last_2_years", "Last 2 years", now -> since(now, now.toLocalDate().minusYears(2))),
        LAST_3_YEARS("d_last_3_years", "Last 3 years", now -> since(now, now.toLocalDate().minusYears(3))),
        LAST_10_YEARS("d_last_10_years", "Last 10 years", now -> since(now, now.toLocalDate().minusYears(10)));

        final String token;
        final String label;
        final Function<LocalDateTime, DateTimeRange> resolve;

        RelativeRange(String token, String label, Function<LocalDateTime, DateTimeRange> resolve) {
            this.token = token;
            this.label = label;
            this.resolve = resolve;
        }

        static Optional<RelativeRange> of(String token) {
            return Arrays.stream(values()).filter(range -> range.token.equals(token)).findFirst();
        }
    }

    /** From the start of {@code first} to the last moment of {@code last}. */
    private static DateTimeRange days(LocalDate first, LocalDate last) {
        return new DateTimeRange(first.atStartOfDay(), last.atTime(LocalTime.MAX));
    }

    private static DateTimeRange day(LocalDate date) {
        return days(date, date);
    }

    /** Sunday to Saturday, as moment.js weeks in its default locale. */
    private static DateTimeRange week(LocalDate date) {
        LocalDate sunday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return days(sunday, sunday.plusDays(6));
    }

    private static DateTimeRange month(YearMonth month) {
        return days(month.atDay(1), month.atEndOfMonth());
    }

    private static DateTimeRange year(int year) {
        return days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static DateTimeRange hours(LocalDateTime now, int hours) {
        return new DateTimeRange(now.minus(Duration.ofHours(hours)), now);
    }

    /** From the start of {@code firstDay} until now. */
    private static DateTimeRange since(LocalDateTime now, LocalDate firstDay) {
        return new DateTimeRange(firstDay.atStartOfDay(), now);
    }
}
