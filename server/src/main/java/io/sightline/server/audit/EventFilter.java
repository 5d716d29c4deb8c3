package io.sightline.server.audit;

import io.sightline.server.system.ApiException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/events} and its export, read from query parameters; a bad value is a 400 naming
 * the parameter. {@code since} and {@code until} take an ISO-8601 time ({@code 2026-12-06T00:00:00Z}), a date
 * ({@code 2026-12-06}, midnight UTC) or an age ({@code 1d}, {@code 12h}, {@code 30m}, {@code 45s}: that long ago).
 */
record EventFilter(Long userId, String action, String objectType, String objectId, OffsetDateTime since,
                   OffsetDateTime until) {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dhms])");

    static EventFilter of(Map<String, String> params) {
        return new EventFilter(id(params, "user_id"), text(params, "action"), text(params, "object_type"),
                text(params, "object_id"), time(params, "since"), time(params, "until"));
    }

    static Long id(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number of 0 or more, not '" + value + "'");
        }
    }

    private static String text(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 255) {
            throw ApiException.badRequest("'" + name + "' is longer than 255 characters");
        }
        return value;
    }

    static OffsetDateTime time(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String v = value.strip();
        Matcher age = AGE.matcher(v);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration ago = switch (age.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            return OffsetDateTime.now(ZoneOffset.UTC).minus(ago);
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest("'" + name + "' must be an ISO-8601 time (2026-12-06T00:00:00Z), a"
                        + " date (2026-12-06) or an age (1d, 12h, 30m, 45s), not '" + value + "'");
            }
        }
    }
}
