package io.sightline.server.query;

import io.sightline.server.system.ApiException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved query's {@code schedule}, with Redash's fields and meaning: run every {@code interval} seconds; for
 * intervals of whole days at {@code time} (HH:MM, UTC), for whole weeks also on {@code day_of_week}; no run
 * from the start of the {@code until} day (UTC) on; none at all while {@code disabled}. An object whose
 * {@code interval} is null (what Redash's "Never" saves) schedules nothing.
 */
public record QuerySchedule(Duration interval, LocalTime time, DayOfWeek dayOfWeek, LocalDate until, boolean disabled) {

    static final long DAY = 86_400;
    static final long WEEK = 7 * DAY;
    /** Ten years: longer is a typo, and keeps the arithmetic far from overflow. */
    static final long MAX_INTERVAL = 3650 * DAY;
    private static final Pattern HH_MM = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether it asks for runs at all (Redash's "Never" is an object with a null interval). */
    public boolean scheduled() {
        return interval != null;
    }

    /**
     * Checks a schedule object as a client sent it.
     *
     * @param minInterval the shortest interval accepted
     * @throws ApiException 400 naming the field that is wrong
     */
    static QuerySchedule parse(JsonNode node, Duration minInterval) {
        if (!node.isObject()) {
            throw ApiException.badRequest(
                    "'schedule' must be an object (interval, time, day_of_week, until, disabled) or null");
        }
        Duration interval = interval(node.get("interval"), minInterval);
        LocalTime time = time(node.get("time"));
        DayOfWeek day = dayOfWeek(node.get("day_of_week"));
        LocalDate until = until(node.get("until"));
        boolean disabled = disabled(node.get("disabled"));
        if (interval != null && time != null && interval.toSeconds() % DAY != 0) {
            throw ApiException.badRequest("'schedule.time' applies only to intervals of whole days (multiples of "
                    + DAY + " seconds); the interval is " + interval.toSeconds() + " seconds");
        }
        if (interval != null && day != null) {
            if (interval.toSeconds() % WEEK != 0) {
                throw ApiException.badRequest("'schedule.day_of_week' applies only to intervals of whole weeks"
                        + " (multiples of " + WEEK + " seconds); the interval is " + interval.toSeconds() + " seconds");
            }
            if (time == null) {
                throw ApiException.badRequest("'schedule.day_of_week' needs 'schedule.time' (HH:MM, UTC) as well");
            }
        }
        return new QuerySchedule(interval, time, day, until, disabled);
    }

    /**
     * A schedule as stored: checked when it was saved, so only the shape is checked here (the minimum interval
     * may have changed since).
     *
     * @throws ApiException 400 when the text is not a valid schedule
     */
    public static QuerySchedule read(String json) {
        try {
            return parse(JSON.readTree(json), Duration.ofSeconds(1));
        } catch (JacksonException e) {
            throw ApiException.badRequest("'schedule' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The stored schedule with {@code disabled} set, everything else as it was (Redash's way of stopping a schedule).
     *
     * @throws ApiException 400 when the text is not a JSON object
     */
    static String disabledJson(String json) {
        try {
            if (!(JSON.readTree(json) instanceof ObjectNode schedule)) {
                throw ApiException.badRequest("'schedule' is not a JSON object: " + json);
            }
            schedule.put("disabled", true);
            return JSON.writeValueAsString(schedule);
        } catch (JacksonException e) {
            throw ApiException.badRequest("'schedule' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Duration interval(JsonNode node, Duration minInterval) {
        if (node == null || node.isNull()) {
            return null;
        }
        long seconds;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            seconds = node.longValue();
        } else if (node.isString() && node.stringValue().strip().matches("\\d{1,12}")) {
            seconds = Long.parseLong(node.stringValue().strip()); // Redash before v7 sent the interval as text
        } else {
            throw ApiException.badRequest("'schedule.interval' must be a whole number of seconds or null, not " + node);
        }
        if (seconds < minInterval.toSeconds()) {
            throw ApiException.badRequest("'schedule.interval' must be at least " + minInterval.toSeconds()
                    + " seconds, was " + seconds);
        }
        if (seconds > MAX_INTERVAL) {
            throw ApiException.badRequest("'schedule.interval' must be at most " + MAX_INTERVAL
                    + " seconds (ten years), was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private static LocalTime time(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        var match = node.isString() ? HH_MM.matcher(node.stringValue().strip()) : null;
        if (match == null || !match.matches()) {
            throw ApiException.badRequest("'schedule.time' must be \"HH:MM\" (UTC) or null, not " + node);
        }
        int hour = Integer.parseInt(match.group(1));
        int minute = Integer.parseInt(match.group(2));
        if (hour > 23 || minute > 59) {
            throw ApiException.badRequest("'schedule.time' must be a time of day from 00:00 to 23:59, not " + node);
        }
        return LocalTime.of(hour, minute);
    }

    private static DayOfWeek dayOfWeek(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().equalsIgnoreCase(node.stringValue().strip())) {
                    return day;
                }
            }
        }
        throw ApiException.badRequest("'schedule.day_of_week' must be a day name (Monday .. Sunday) or null, not " + node);
    }

    private static LocalDate until(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            try {
                return LocalDate.parse(node.stringValue().strip());
            } catch (DateTimeParseException e) {
                // below
            }
        }
        throw ApiException.badRequest("'schedule.until' must be a date \"YYYY-MM-DD\" or null, not " + node);
    }

    private static boolean disabled(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("'schedule.disabled' must be true or false, not " + node);
        }
        return node.booleanValue();
    }

    @Override
    public String toString() {
        return interval == null ? "never" : "every " + interval.toSeconds() + "s"
                + (time == null ? "" : " at " + time + " UTC")
                + (dayOfWeek == null ? "" : " on " + dayOfWeek.name().toLowerCase(Locale.ROOT))
                + (until == null ? "" : " until " + until) + (disabled ? " (disabled)" : "");
    }
}
