package io.sightline.common.parameter;

import static io.sightline.common.parameter.ParameterType.DATETIME_RANGE;
import static io.sightline.common.parameter.ParameterType.DATETIME_RANGE_WITH_SECONDS;
import static io.sightline.common.parameter.ParameterType.DATE_RANGE;
import static io.sightline.common.parameter.ParameterValidatorTest.problemOf;
import static io.sightline.common.parameter.ParameterValidatorTest.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Date and date-time ranges; the clock is Friday 2024-03-15 10:30:45 UTC. */
class RangeValidationTest {

    private static final String EXPECTED_RANGE =
            " range (expected {\"start\": ..., \"end\": ...} or a dynamic range such as d_last_7_days)";

    static Stream<Arguments> acceptedRanges() {
        return Stream.of(
                arguments(DATE_RANGE, Map.of("start", "2024-01-01", "end", "2024-01-31"), "2024-01-01", "2024-01-31"),
                arguments(DATE_RANGE, Map.of("start", "2024-01-01", "end", "2024-01-01"), "2024-01-01", "2024-01-01"),
                arguments(DATE_RANGE, Map.of("start", "d_yesterday", "end", "d_now"), "2024-03-14", "2024-03-15"),
                arguments(DATE_RANGE, "d_last_7_days", "2024-03-08", "2024-03-15"),
                arguments(DATETIME_RANGE, "d_last_7_days", "2024-03-08 00:00", "2024-03-15 10:30"),
                arguments(DATETIME_RANGE_WITH_SECONDS, "d_last_hour", "2024-03-15 09:30:45", "2024-03-15 10:30:45"),
                arguments(DATE_RANGE, " d_last_month ", "2024-02-01", "2024-02-29"),
                arguments(DATETIME_RANGE, Map.of("start", "2024-01-01T08:00", "end", "2024-01-01 17:30"),
                        "2024-01-01 08:00", "2024-01-01 17:30"),
                arguments(DATETIME_RANGE, "d_this_month", "2024-03-01 00:00", "2024-03-31 23:59"),
                arguments(DATETIME_RANGE, "d_today", "2024-03-15 00:00", "2024-03-15 23:59"),
                arguments(DATETIME_RANGE_WITH_SECONDS, Map.of("start", "2024-01-01 08:00:00", "end", "2024-01-01 08:00:01"),
                        "2024-01-01 08:00:00", "2024-01-01 08:00:01"),
                arguments(DATETIME_RANGE_WITH_SECONDS, "d_yesterday", "2024-03-14 00:00:00", "2024-03-14 23:59:59"),
                arguments(DATETIME_RANGE_WITH_SECONDS, "d_last_week", "2024-03-03 00:00:00", "2024-03-09 23:59:59"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("acceptedRanges")
    void acceptsRange(ParameterType type, Object raw, String start, String end) {
        assertThat(validate(ParameterDeclaration.of("period", type), raw)).isEqualTo(new ValidatedValue.Range(start, end));
    }

    static Stream<Arguments> rejectedRanges() {
        Map<String, Object> onlyStart = new HashMap<>();
        onlyStart.put("start", "2024-01-01");
        onlyStart.put("end", null);
        return Stream.of(
                arguments(DATE_RANGE, Map.of("start", "2024-02-01", "end", "2024-01-01"),
                        "the start (2024-02-01) is after the end (2024-01-01)"),
                arguments(DATETIME_RANGE, Map.of("start", "2024-01-01 10:00", "end", "2024-01-01 09:59"),
                        "the start (2024-01-01 10:00) is after the end (2024-01-01 09:59)"),
                arguments(DATE_RANGE, Map.of("start", "2024-13-01", "end", "2024-12-31"),
                        "start \"2024-13-01\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE_RANGE, Map.of("start", "2024-01-01", "end", "soon"),
                        "end \"soon\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATETIME_RANGE_WITH_SECONDS, Map.of("start", "2024-01-01 10:00", "end", "2024-01-01 11:00:00"),
                        "start \"2024-01-01 10:00\" is not a date and time (expected YYYY-MM-DD HH:MM:SS)"),
                arguments(DATE_RANGE, Map.of("start", List.of("2024-01-01"), "end", "2024-01-02"),
                        "start expects a single value, not a list"),
                arguments(DATE_RANGE, onlyStart, "a range needs both a start and an end"),
                arguments(DATE_RANGE, Map.of("from", "2024-01-01", "to", "2024-01-02"),
                        "a range needs both a start and an end"),
                arguments(DATE_RANGE, "yesterday", "\"yesterday\" is not a date" + EXPECTED_RANGE),
                arguments(DATE_RANGE, "d_now", "\"d_now\" is not a date" + EXPECTED_RANGE),
                arguments(DATE_RANGE, "2024-01-01", "\"2024-01-01\" is not a date" + EXPECTED_RANGE),
                arguments(DATE_RANGE, List.of("2024-01-01", "2024-01-02"), "a list is not a date" + EXPECTED_RANGE),
                arguments(DATETIME_RANGE, 5, "\"5\" is not a date and time" + EXPECTED_RANGE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rejectedRanges")
    void rejectsRangeSayingWhy(ParameterType type, Object raw, String message) {
        assertThat(problemOf(ParameterDeclaration.of("period", type), raw)).isEqualTo(message);
    }
}
