package io.sightline.common.parameter;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Redash's dynamic date values ({@code d_last_7_days}, ...), which stand for dates relative to today and
 * are resolved when the query runs. "Today" is the date of the given {@link Clock} in the clock's own
 * time zone.
 *
 * <ul>
 *   <li>Weeks are ISO weeks, Monday to Sunday ({@code d_this_week} on a Sunday still starts on the
 *       Monday before). Redash follows the browser's locale, often Sunday first.
 *   <li>Calendar periods are whole: {@code d_this_month} runs to the month's last day, even if that is
 *       still to come.
 *   <li>"Last N days" are N days ending with today: {@code d_last_7_days} is today-6 .. today.
 *       "Last 12 months" likewise ends with today and starts the day after the same date a year ago.
 *       (Redash starts them one day earlier, giving N+1 days.)
 * </ul>
 * All ranges include both their start and their end.
 */
public final class DynamicDates {

    /** Both ends included. */
    public record DateRange(LocalDate start, LocalDate end) {
        public DateRange {
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
    public static Optional<DateRange> resolveRange(String token, Clock clock) {
        return RelativeRange.of(token).map(range -> range.resolve.apply(LocalDate.now(clock)));
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

    private enum RelativeRange {
        TODAY("d_today", "Today", today -> day(today)),
        YESTERDAY("d_yesterday", "Yesterday", today -> day(today.minusDays(1))),
        THIS_WEEK("d_this_week", "This week", today -> week(today)),
        THIS_MONTH("d_this_month", "This month", today -> month(YearMonth.from(today))),
        THIS_YEAR("d_this_year", "This year", today -> year(today.getYear())),
        LAST_WEEK("d_last_week", "Last week", today -> week(today.minusWeeks(1))),
        LAST_MONTH("d_last_month", "Last month", today -> month(YearMonth.from(today).minusMonths(1))),
        LAST_YEAR("d_last_year", "Last year", today -> year(today.getYear() - 1)),
        LAST_7_DAYS("d_last_7_days", "Last 7 days", today -> lastDays(today, 7)),
        LAST_14_DAYS("d_last_14_days", "Last 14 days", today -> lastDays(today, 14)),
        LAST_30_DAYS("d_last_30_days", "Last 30 days", today -> lastDays(today, 30)),
        LAST_60_DAYS("d_last_60_days", "Last 60 days", today -> lastDays(today, 60)),
        LAST_90_DAYS("d_last_90_days", "Last 90 days", today -> lastDays(today, 90)),
        LAST_12_MONTHS("d_last_12_months", "Last 12 months",
                today -> new DateRange(today.minusMonths(12).plusDays(1), today));

        final String token;
        final String label;
        final Function<LocalDate, DateRange> resolve;

        RelativeRange(String token, String label, Function<LocalDate, DateRange> resolve) {
            this.token = token;
            this.label = label;
            this.resolve = resolve;
        }

        static Optional<RelativeRange> of(String token) {
            return Arrays.stream(values()).filter(range -> range.token.equals(token)).findFirst();
        }
    }

    private static DateRange day(LocalDate date) {
        return new DateRange(date, date);
    }

    private static DateRange week(LocalDate date) {
        return new DateRange(date.with(DayOfWeek.MONDAY), date.with(DayOfWeek.SUNDAY));
    }

    private static DateRange month(YearMonth month) {
        return new DateRange(month.atDay(1), month.atEndOfMonth());
    }

    private static DateRange year(int year) {
        return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static DateRange lastDays(LocalDate today, int days) {
        return new DateRange(today.minusDays(days - 1L), today);
    }
}
