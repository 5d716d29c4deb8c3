package io.sightline.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.query.QuerySchedule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When schedules run, on a fixed clock: Wednesday 2026-01-07 12:00:00 UTC. */
class RunTimesTest {

    private static final Instant NOW = Instant.parse("2026-01-07T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private final RunTimes times = at(NOW);

    private static RunTimes at(Instant now) {
        return new RunTimes(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(6));
    }

    private static QuerySchedule every(Duration interval) {
        return new QuerySchedule(interval, null, null, null, false);
    }

    private static QuerySchedule daily(String time) {
        return new QuerySchedule(DAY, LocalTime.parse(time), null, null, false);
    }

    @Test
    void intervalScheduleFirstRunsOneIntervalFromNow() {
        assertThat(times.first(every(Duration.ofMinutes(5)))).isEqualTo(Instant.parse("2026-01-07T12:05:00Z"));
    }

    @Test
    void intervalScheduleRunsOneIntervalAfterTheClaimedSlot() {
        Instant slot = Instant.parse("2026-01-07T11:59:58Z"); // claimed two seconds late: no drift
        assertThat(times.after(every(MINUTE), slot)).isEqualTo(Instant.parse("2026-01-07T12:00:58Z"));
    }

    @Test
    void slotsMissedWhileNoSchedulerRanAreSkippedNotMadeUp() {
        Instant slot = Instant.parse("2026-01-07T09:00:00Z"); // three hours without a scheduler
        assertThat(times.after(every(HOUR), slot)).isEqualTo(Instant.parse("2026-01-07T13:00:00Z"));
        assertThat(times.after(every(Duration.ofMinutes(7)), slot))
                .as("the first slot of the old grid after now").isEqualTo(Instant.parse("2026-01-07T12:02:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "13:30, 2026-01-07T13:30:00Z",   // later today
            "12:00, 2026-01-07T12:00:00Z",   // right now
            "08:15, 2026-01-08T08:15:00Z",   // passed today: tomorrow
            "00:00, 2026-01-08T00:00:00Z"})
    void dailyScheduleFirstRunsAtTheNextTimeOfDayUtc(String time, String expected) {
        assertThat(times.first(daily(time))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void dailyScheduleRunsEveryDayAtItsTime() {
        assertThat(times.after(daily("08:15"), Instant.parse("2026-01-07T08:15:00Z")))
                .isEqualTo(Instant.parse("2026-01-08T08:15:00Z"));
        var everyTwoDays = new QuerySchedule(DAY.multipliedBy(2), LocalTime.of(8, 15), null, null, false);
        assertThat(times.after(everyTwoDays, Instant.parse("2026-01-07T08:15:00Z")))
                .isEqualTo(Instant.parse("2026-01-09T08:15:00Z"));
    }

    @Test
    void dailyScheduleReturnsToItsTimeOfDayAfterALateSlot() {
        // a slot pushed back to an odd time (back-off) does not move the time of day for good
        assertThat(times.after(daily("08:15"), Instant.parse("2026-01-07T10:42:17Z")))
                .isEqualTo(Instant.parse("2026-01-09T08:15:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "MONDAY, 09:00, 2026-01-12T09:00:00Z",
            "WEDNESDAY, 13:00, 2026-01-07T13:00:00Z",   // today, later
            "WEDNESDAY, 11:00, 2026-01-14T11:00:00Z",   // today, passed: next week
            "SUNDAY, 23:59, 2026-01-11T23:59:00Z"})
    void weeklyScheduleRunsOnItsDayAtItsTime(DayOfWeek day, String time, String expected) {
        var weekly = new QuerySchedule(WEEK, LocalTime.parse(time), day, null, false);
        Instant first = times.first(weekly);
        assertThat(first).isEqualTo(Instant.parse(expected));
        assertThat(at(first).after(weekly, first)).isEqualTo(first.plus(WEEK));
    }

    @Test
    void untilStopsRunsFromTheStartOfThatDayUtc() {
        var until = new QuerySchedule(HOUR, null, null, LocalDate.parse("2026-01-08"), false);
        assertThat(times.expired(until)).isFalse();
        assertThat(times.due(until, NOW)).isTrue();
        assertThat(at(Instant.parse("2026-01-07T23:59:59Z")).expired(until)).isFalse();
        assertThat(at(Instant.parse("2026-01-08T00:00:00Z")).expired(until)).isTrue();
        assertThat(at(Instant.parse("2026-01-08T00:00:00Z")).due(until, NOW)).isFalse();
    }

    @Test
    void dueWhenTheSlotHasComeAndTheScheduleIsOn() {
        assertThat(times.due(every(HOUR), NOW)).isTrue();
        assertThat(times.due(every(HOUR), NOW.minusSeconds(30))).isTrue();
        assertThat(times.due(every(HOUR), NOW.plusSeconds(1))).isFalse();
        assertThat(times.due(new QuerySchedule(HOUR, null, null, null, true), NOW)).as("disabled").isFalse();
        assertThat(times.due(new QuerySchedule(null, null, null, null, false), NOW)).as("never").isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "1, 2026-01-07T12:02:00Z",    // 1 min × 2
            "2, 2026-01-07T12:04:00Z",    // × 4
            "5, 2026-01-07T12:32:00Z",    // × 32
            "9, 2026-01-07T18:00:00Z",    // 512 min: capped at 6 h
            "200, 2026-01-07T18:00:00Z"}) // no overflow
    void failuresBackOffExponentiallyUpToTheCap(int failures, String expected) {
        Instant regular = NOW.plus(MINUTE);
        assertThat(times.backedOff(every(MINUTE), NOW, failures, regular)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void backOffNeverWaitsLongerThanOneIntervalBeyondTheCapNorLessThanTheRegularSlot() {
        var daily = daily("08:15");
        Instant lastRun = Instant.parse("2026-01-07T08:15:00Z");
        Instant regular = Instant.parse("2026-01-08T08:15:00Z");
        assertThat(times.backedOff(daily, lastRun, 3, regular))
                .as("a daily query that keeps failing still tries every day, at its time").isEqualTo(regular);
        assertThat(times.backedOff(every(MINUTE), NOW, 1, NOW.plus(HOUR))).isEqualTo(NOW.plus(HOUR));
    }
}
