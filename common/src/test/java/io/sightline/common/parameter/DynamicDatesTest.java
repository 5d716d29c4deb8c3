package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.parameter.DynamicDates.DateRange;
import io.sightline.common.parameter.DynamicDates.DynamicDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamicDatesTest {

    private static Clock at(String isoDate) {
        return Clock.fixed(LocalDate.parse(isoDate).atTime(10, 30, 45).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{1} on {0} is {2} .. {3}")
    @CsvSource({
        // Friday 2024-03-15, in a leap year
        "2024-03-15, d_today,          2024-03-15, 2024-03-15",
        "2024-03-15, d_yesterday,      2024-03-14, 2024-03-14",
        "2024-03-15, d_this_week,      2024-03-11, 2024-03-17",
        "2024-03-15, d_this_month,     2024-03-01, 2024-03-31",
        "2024-03-15, d_this_year,      2024-01-01, 2024-12-31",
        "2024-03-15, d_last_week,      2024-03-04, 2024-03-10",
        "2024-03-15, d_last_month,     2024-02-01, 2024-02-29",
        "2024-03-15, d_last_year,      2023-01-01, 2023-12-31",
        "2024-03-15, d_last_7_days,    2024-03-09, 2024-03-15",
        "2024-03-15, d_last_14_days,   2024-03-02, 2024-03-15",
        "2024-03-15, d_last_30_days,   2024-02-15, 2024-03-15",
        "2024-03-15, d_last_60_days,   2024-01-16, 2024-03-15",
        "2024-03-15, d_last_90_days,   2023-12-17, 2024-03-15",
        "2024-03-15, d_last_12_months, 2023-03-16, 2024-03-15",
        // Monday 2024-01-01: new week, month and year
        "2024-01-01, d_yesterday,      2023-12-31, 2023-12-31",
        "2024-01-01, d_this_week,      2024-01-01, 2024-01-07",
        "2024-01-01, d_last_week,      2023-12-25, 2023-12-31",
        "2024-01-01, d_last_month,     2023-12-01, 2023-12-31",
        "2024-01-01, d_last_year,      2023-01-01, 2023-12-31",
        "2024-01-01, d_last_7_days,    2023-12-26, 2024-01-01",
        // Sunday 2023-12-31: the last day of its ISO week, month and year
        "2023-12-31, d_this_week,      2023-12-25, 2023-12-31",
        "2023-12-31, d_last_week,      2023-12-18, 2023-12-24",
        "2023-12-31, d_this_month,     2023-12-01, 2023-12-31",
        "2023-12-31, d_this_year,      2023-01-01, 2023-12-31",
        // month lengths
        "2024-03-31, d_last_month,     2024-02-01, 2024-02-29",
        "2023-03-31, d_last_month,     2023-02-01, 2023-02-28",
        "2024-02-29, d_last_12_months, 2023-03-01, 2024-02-29",
    })
    void resolvesRange(String today, String token, LocalDate start, LocalDate end) {
        assertThat(DynamicDates.resolveRange(token, at(today))).contains(new DateRange(start, end));
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
        assertThat(DynamicDates.resolveRange("d_this_week", berlin))
                .contains(new DateRange(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 17)));
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
                "Last 7 days", "Last 14 days", "Last 30 days", "Last 60 days", "Last 90 days", "Last 12 months");
        assertThat(DynamicDates.rangeChoices())
                .allSatisfy(choice -> assertThat(DynamicDates.resolveRange(choice.token(), at("2024-03-15"))).isPresent());
        assertThat(DynamicDates.dateChoices())
                .allSatisfy(choice -> assertThat(DynamicDates.resolveDate(choice.token(), at("2024-03-15"))).isPresent());
    }
}
