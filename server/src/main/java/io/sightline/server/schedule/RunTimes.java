package io.sightline.server.schedule;

import io.sightline.server.query.QuerySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a schedule runs (Redash semantics, all in UTC). Runs fall on slots: {@code interval} apart; for timed
 * schedules (intervals of whole days) on {@code time}, and for weekly ones on {@code day_of_week} too. Slots
 * missed while no scheduler ran are skipped, not made up for one by one.
 */
final class RunTimes {

    private final Clock clock;
    private final Duration maxBackoff;

    RunTimes(Clock clock, Duration maxBackoff) {
        this.clock = clock;
        this.maxBackoff = maxBackoff;
    }

    Instant now() {
        return clock.instant();
    }

    /** The first slot of a schedule just saved or changed: one interval from now, or the next time of day. */
    Instant first(QuerySchedule schedule) {
        Instant now = now();
        return timed(schedule) ? slotAtOrAfter(schedule, now) : now.plus(schedule.interval());
    }

    /** The slot after {@code slot}, which has just been claimed; if that one has passed already, the first one to come. */
    Instant after(QuerySchedule schedule, Instant slot) {
        Instant now = now();
        Instant next = slot.plus(schedule.interval());
        if (timed(schedule)) {
            next = slotAtOrAfter(schedule, next);
        }
        if (!next.isAfter(now)) {
            long missed = Duration.between(next, now).toSeconds() / schedule.interval().toSeconds() + 1;
            next = next.plus(schedule.interval().multipliedBy(missed)); // whole days or weeks: still on the slot grid
        }
        return next;
    }

    /**
     * Where a schedule goes after {@code failures} failed runs in a row, the last started at {@code lastRun}:
     * {@code interval × 2^failures} later, capped at the larger of {@code maxBackoff} and one interval, and
     * never before the {@code regular} next slot.
     */
    Instant backedOff(QuerySchedule schedule, Instant lastRun, int failures, Instant regular) {
        Duration interval = schedule.interval();
        Duration cap = interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff;
        Duration delay = failures >= 62 || interval.toSeconds() > cap.toSeconds() >> failures
                ? cap : interval.multipliedBy(1L << failures);
        Instant retry = lastRun.plus(delay);
        if (timed(schedule)) {
            retry = slotAtOrAfter(schedule, retry);
        }
        return retry.isAfter(regular) ? retry : regular;
    }

    /** From the start of the {@code until} day (UTC) on, a schedule runs no more. */
    boolean expired(QuerySchedule schedule) {
        return schedule.until() != null && !now().isBefore(schedule.until().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    boolean due(QuerySchedule schedule, Instant nextRunAt) {
        return schedule.scheduled() && !schedule.disabled() && !expired(schedule) && !nextRunAt.isAfter(now());
    }

    private static boolean timed(QuerySchedule schedule) {
        return schedule.time() != null;
    }

    /** The first instant at or after {@code t} on the schedule's time of day (and day of week), UTC. */
    private static Instant slotAtOrAfter(QuerySchedule schedule, Instant t) {
        ZonedDateTime at = t.atZone(ZoneOffset.UTC);
        ZonedDateTime slot = at.toLocalDate().atTime(schedule.time()).atZone(ZoneOffset.UTC);
        if (slot.isBefore(at)) {
            slot = slot.plusDays(1);
        }
        if (schedule.dayOfWeek() != null) {
            slot = slot.with(TemporalAdjusters.nextOrSame(schedule.dayOfWeek()));
        }
        return slot.toInstant();
    }
}
