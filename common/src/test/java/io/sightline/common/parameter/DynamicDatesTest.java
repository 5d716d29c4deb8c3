package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.parameter.DynamicDates.DateTimeRange;
import io.sightline.common.parameter.DynamicDates.DynamicDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamicDatesTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static Clock at(String isoDate) {
        return Clock.fixed(LocalDate.parse(isoDate).atTime(10, 30, 45).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * Each range as Redash's client (DateRangeParameter.js, moment.js) computes it at 10:30:45 on the given day.
     * Redash's "last N days" start at the start of the day N days ago and end now.
     */
    @ParameterizedTest(name = "{1} on {0} is {2} .. {3}")
    @CsvSource({
        // Friday 2024-03-15, in a leap year
        "2024-03-15, d_today,          2024-03-15 00:00:00, 2024-03-15 23:59:59",
        "2024-03-15, d_yesterday,      2024-03-14 00:00:00, 2024-03-14 23:59:59",
        "2024-03-15, d_this_week,      2024-03-10 00:00:00, 2024-03-16 23:59:59",
        "2024-03-15, d_this_month,     2024-03-01 00:00:00, 2024-03-31 23:59:59",
        "2024-03-15, d_this_year,      2024-01-01 00:00:00, 2024-12-31 23:59:59",
        "2024-03-15, d_last_week,      2024-03-03 00:00:00, 2024-03-09 23:59:59",
        "2024-03-15, d_last_month,     2024-02-01 00:00:00, 2024-02-29 23:59:59",
        "2024-03-15, d_last_year,      2023-01-01 00:00:00, 2023-12-31 23:59:59",
        "2024-03-15, d_last_hour,      2024-03-15 09:30:45, 2024-03-15 10:30:45",
        "2024-03-15, d_last_8_hours,   2024-03-15 02:30:45, 2024-03-15 10:30:45",
        "2024-03-15, d_last_24_hours,  2024-03-14 10:30:45, 2024-03-15 10:30:45",
        "2024-03-15, d_last_7_days,    2024-03-08 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_14_days,   2024-03-01 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_30_days,   2024-02-14 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_60_days,   2024-01-15 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_90_days,   2023-12-16 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_12_months, 2023-03-15 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_2_years,   2022-03-15 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_3_years,   2021-03-15 00:00:00, 2024-03-15 10:30:45",
        "2024-03-15, d_last_10_years,  2014-03-15 00:00:00, 2024-03-15 10:30:45",
        // Monday 2024-01-01: new week, month and year; weeks run Sunday to Saturday
        "2024-01-01, d_yesterday,      2023-12-31 00:00:00, 2023-12-31 23:59:59",
        "2024-01-01, d_this_week,      2023-12-31 00:00:00, 2024-01-06 23:59:59",
        "2024-01-01, d_last_week,      2023-12-24 00:00:00, 2023-12-30 23:59:59",
        "2024-01-01, d_last_month,     2023-12-01 00:00:00, 2023-12-31 23:59:59",
        "2024-01-01, d_last_year,      2023-01-01 00:00:00, 2023-12-31 23:59:59",
        "2024-01-01, d_last_7_days,    2023-12-25 00:00:00, 2024-01-01 10:30:45",
        // Sunday 2023-12-31: the first day of its week, the last of its month and year
        "2023-12-31, d_this_week,      2023-12-31 00:00:00, 2024-01-06 23:59:59",
        "2023-12-31, d_last_week,      2023-12-24 00:00:00, 2023-12-30 23:59:59",
        "2023-12-31, d_this_month,     2023-12-01 00:00:00, 2023-12-31 23:59:59",
        "2023-12-31, d_this_year,      2023-01-01 00:00:00, 2023-12-31 23:59:59",
        // Saturday 2024-03-16: the last day of its week
        "2024-03-16, d_this_week,      2024-03-10 00:00:00, 2024-03-16 23:59:59",
        // month lengths: a month or year back from the 29th, 31st lands on the month's last day (as moment.js)
        "2024-03-31, d_last_month,     2024-02-01 00:00:00, 2024-02-29 23:59:59",
        "2023-03-31, d_last_month,     2023-02-01 00:00:00, 2023-02-28 23:59:59",
        "2024-02-29, d_last_12_months, 2023-02-28 00:00:00, 2024-02-29 10:30:45",
        "2024-02-29, d_last_2_years,   2022-02-28 00:00:00, 2024-02-29 10:30:45",
    })
    void resolvesRangeAsRedashsClient(String today, String token, String start, String end) {
        DateTimeRange range = DynamicDates.resolveRange(token, at(today)).orElseThrow();
        assertThat(SECONDS.format(range.start())).isEqualTo(start);
        assertThat(SECONDS.format(range.end())).isEqualTo(end);
    }

    @Test
    void aWholeDayEndsAtItsLastMoment() {
        assertThat(DynamicDates.resolveRange("d_today", at("2024-03-15")).orElseThrow().end())
                .isEqualTo(LocalDate.of(2024, 3, 15).atTime(LocalTime.MAX));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-15, d_now,       2024-03-15",
        "2024-03-15, d_yesterday, 2024-03-14",
        "2024-01-01, d_yesterday, 2023-12-31",
        "2024-03-01, d_yesterday, 2024-02-29",
    })
    void resolvesDate(String today, String token, LocalDate expected) {
        assertThat(DynamicDates.resolveDate(token, at(today))).contains(expected);
    }

    @Test
    void resolvesDateTimeToTheMomentAsRedashDoes() {
        assertThat(DynamicDates.resolveDateTime("d_now", at("2024-03-15")))
                .contains(LocalDateTime.of(2024, 3, 15, 10, 30, 45));
        assertThat(DynamicDates.resolveDateTime("d_yesterday", at("2024-03-15")))
                .contains(LocalDateTime.of(2024, 3, 14, 10, 30, 45));
    }

    @Test
    void takesTodayFromTheClocksTimeZone() {
        // 23:30 UTC on Friday is already Saturday in Berlin
        Clock berlin = Clock.fixed(
                LocalDateTime.of(2024, 3, 15, 23, 30).toInstant(ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));

        assertThat(DynamicDates.resolveDate("d_now", berlin)).contains(LocalDate.of(2024, 3, 16));
        assertThat(DynamicDates.resolveRange("d_this_week", berlin).orElseThrow().start())
                .isEqualTo(LocalDate.of(2024, 3, 10).atStartOfDay());
        assertThat(DynamicDates.resolveRange("d_last_hour", berlin).orElseThrow().end())
                .isEqualTo(LocalDateTime.of(2024, 3, 16, 0, 30));
    }

    @ParameterizedTest
    @CsvSource({"d_last_7_days", "D_NOW", "now", "''", "d_last_8_days"})
    void doesNotResolveOtherTextAsDate(String text) {
        assertThat(DynamicDates.resolveDate(text, at("2024-03-15"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"d_now", "'d_last_week '", "last_week", "2024-03-01", "''"})
    void doesNotResolveOtherTextAsRange(String text) {
        assertThat(DynamicDates.resolveRange(text, at("2024-03-15"))).isEmpty();
    }

    @Test
    void doesNotResolveNull() {
        assertThat(DynamicDates.resolveDate(null, at("2024-03-15"))).isEqualTo(Optional.empty());
        assertThat(DynamicDates.resolveRange(null, at("2024-03-15"))).isEmpty();
    }

    @Test
    void offersQuickPicksThatAllResolve() {
        assertThat(DynamicDates.dateChoices()).containsExactly(
                new DynamicDate("d_now", "Today"), new DynamicDate("d_yesterday", "Yesterday"));
        assertThat(DynamicDates.rangeChoices()).extracting(DynamicDate::label).containsExactly(
                "Today", "Yesterday", "This week", "This month", "This year", "Last week", "Last month", "Last year",
                "Last hour", "Last 8 hours", "Last 24 hours", "Last 7 days", "Last 14 days", "Last 30 days",
                "Last 60 days", "Last 90 days", "Last 12 months", "Last 2 years", "Last 3 years", "Last 10 years");
        assertThat(DynamicDates.rangeChoices())
                .allSatisfy(choice -> assertThat(DynamicDates.resolveRange(choice.token(), at("2024-03-15"))).isPresent());
        assertThat(DynamicDates.dateChoices())
                .allSatisfy(choice -> assertThat(DynamicDates.resolveDate(choice.token(), at("2024-03-15"))).isPresent());
    }
}
