package io.sightline.common.parameter;

import io.sightline.common.parameter.DynamicDates.DateTimeRange;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Date and date-time ranges: {@code {"start": ..., "end": ...}} in the element format, or a range
 * token. A token's range is shown in the element format, as Redash's client formats it: a whole day ends at
 * its final minute (or second), a range "until now" at the current minute (or second).
 */
final class RangeValue {

    private RangeValue() {
    }

    static ValidatedValue.Range parse(TemporalFormat format, Object raw, Clock clock) {
        if (raw instanceof Map<?, ?> map) {
            return explicit(format, map, clock);
        }
        if (raw instanceof String text) {
            Optional<DateTimeRange> dynamic = DynamicDates.resolveRange(text.strip(), clock);
            if (dynamic.isPresent()) {
                DateTimeRange range = dynamic.get();
                return new ValidatedValue.Range(format.format(range.start()), format.format(range.end()));
            }
        }
        String shown = raw instanceof List ? "a list" : ValueText.quote(ValueText.plain(raw));
        throw new InvalidValue(shown + " is not " + format.what() + " range"
                + " (expected {\"start\": ..., \"end\": ...} or a dynamic range such as d_last_7_days)");
    }

    private static ValidatedValue.Range explicit(TemporalFormat format, Map<?, ?> map, Clock clock) {
        Object rawStart = map.get("start");
        Object rawEnd = map.get("end");
        if (ValueText.isMissing(rawStart) || ValueText.isMissing(rawEnd)) {
            throw new InvalidValue("a range needs both a start and an end");
        }
        LocalDateTime start = bound("start", format, rawStart, clock);
        LocalDateTime end = bound("end", format, rawEnd, clock);
        if (start.isAfter(end)) {
            throw new InvalidValue(
                    "the start (" + format.format(start) + ") is after the end (" + format.format(end) + ")");
        }
        return new ValidatedValue.Range(format.format(start), format.format(end));
    }

    private static LocalDateTime bound(String which, TemporalFormat format, Object raw, Clock clock) {
        try {
            return format.parse(ValueText.scalar(raw), clock);
        } catch (InvalidValue e) {
            throw new InvalidValue(which + " " + e.getMessage());
        }
    }
}
