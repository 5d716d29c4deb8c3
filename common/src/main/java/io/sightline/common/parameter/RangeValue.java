package io.sightline.common.parameter;

import io.sightline.common.parameter.DynamicDates.DateRange;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Date and date-time ranges: {@code {"start": ..., "end": ...}} in the element format, or a range
 * token. A token's date-time range runs from the first day's start to the last day's final minute
 * (or second).
 */
final class RangeValue {

    private RangeValue() {
    }

    static ValidatedValue.Range parse(TemporalFormat format, Object raw, Clock clock) {
        if (raw instanceof Map<?, ?> map) {
            return explicit(format, map, clock);
        }
        if (raw instanceof String text) {
            Optional<DateRange> dynamic = DynamicDates.resolveRange(text.strip(), clock);
            if (dynamic.isPresent()) {
                DateRange days = dynamic.get();
                return new ValidatedValue.Range(format.startOf(days.start()), format.endOf(days.end()));
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
