package io.sightline.common.parameter;

import static io.sightline.common.parameter.ParameterType.DATE;
import static io.sightline.common.parameter.ParameterType.DATETIME_LOCAL;
import static io.sightline.common.parameter.ParameterType.DATETIME_WITH_SECONDS;
import static io.sightline.common.parameter.ParameterType.NUMBER;
import static io.sightline.common.parameter.ParameterType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single, non-range values of text, number and date types; see the other validator tests for the rest. */
class ParameterValidatorTest {

    /** Friday 2024-03-15, 10:30:45 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T10:30:45Z"), ZoneOffset.UTC);

    static ValidatedValue validate(ParameterDeclaration declaration, Object raw) {
        return ParameterValidator.validate(declaration, raw, CLOCK, QueryOptionsSource.NONE);
    }

    /** The one problem's message, after checking it names the parameter. */
    static String problemOf(ParameterDeclaration declaration, Object raw) {
        try {
            validate(declaration, raw);
        } catch (ParameterException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).parameter()).isEqualTo(declaration.name());
            return e.problems().get(0).message();
        }
        throw new AssertionError("accepted " + raw);
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                arguments(TEXT, "hello", "hello"),
                arguments(TEXT, "  spaces kept ", "  spaces kept "),
                arguments(TEXT, "it's", "it's"),
                arguments(TEXT, 42, "42"),
                arguments(TEXT, true, "true"),
                arguments(NUMBER, "42", "42"),
                arguments(NUMBER, 42, "42"),
                arguments(NUMBER, Long.MAX_VALUE, "9223372036854775807"),
                arguments(NUMBER, new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
                arguments(NUMBER, "1e3", "1000"),
                arguments(NUMBER, "10.50", "10.5"),
                arguments(NUMBER, 10.5, "10.5"),
                arguments(NUMBER, 0.1, "0.1"),
                arguments(NUMBER, 0.1f, "0.1"),
                arguments(NUMBER, new BigDecimal("1.2300E+2"), "123"),
                arguments(NUMBER, "-0.0", "0"),
                arguments(NUMBER, "+3", "3"),
                arguments(NUMBER, " -7.25 ", "-7.25"),
                arguments(NUMBER, "1.5e-3", "0.0015"),
                arguments(DATE, "2024-03-01", "2024-03-01"),
                arguments(DATE, " 2024-02-29 ", "2024-02-29"),
                arguments(DATE, "d_now", "2024-03-15"),
                arguments(DATE, "d_yesterday", "2024-03-14"),
                arguments(DATETIME_LOCAL, "2024-03-01 09:05", "2024-03-01 09:05"),
                arguments(DATETIME_LOCAL, "2024-03-01T23:59", "2024-03-01 23:59"),
                arguments(DATETIME_LOCAL, "d_now", "2024-03-15 10:30"),
                arguments(DATETIME_WITH_SECONDS, "2024-03-01 09:05:07", "2024-03-01 09:05:07"),
                arguments(DATETIME_WITH_SECONDS, "2024-03-01T09:05:07", "2024-03-01 09:05:07"),
                arguments(DATETIME_WITH_SECONDS, "d_yesterday", "2024-03-14 10:30:45"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("acceptedValues")
    void acceptsAndCanonicalises(ParameterType type, Object raw, String canonical) {
        assertThat(validate(ParameterDeclaration.of("p", type), raw)).isEqualTo(new ValidatedValue.Single(canonical));
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                arguments(TEXT, List.of("a"), "expects a single value, not a list"),
                arguments(TEXT, Map.of("a", 1), "expects a single value, not an object"),
                arguments(NUMBER, "abc", "\"abc\" is not a number"),
                arguments(NUMBER, "1,5", "\"1,5\" is not a number"),
                arguments(NUMBER, "0x10", "\"0x10\" is not a number"),
                arguments(NUMBER, "NaN", "\"NaN\" is not a number"),
                arguments(NUMBER, Double.NaN, "\"NaN\" is not a number"),
                arguments(NUMBER, Double.POSITIVE_INFINITY, "\"Infinity\" is not a number"),
                arguments(NUMBER, true, "\"true\" is not a number"),
                arguments(NUMBER, "1; DROP TABLE users", "\"1; DROP TABLE users\" is not a number"),
                arguments(NUMBER, "1e999999", "\"1e999999\" is out of range for a number"),
                arguments(NUMBER, List.of(1, 2), "expects a single value, not a list"),
                arguments(DATE, "2024-13-01", "\"2024-13-01\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "2023-02-29", "\"2023-02-29\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "2024-3-1", "\"2024-3-1\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "01/03/2024", "\"01/03/2024\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "+12024-03-01", "\"+12024-03-01\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "2024-03-01 10:00", "\"2024-03-01 10:00\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "d_last_7_days", "\"d_last_7_days\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, "2024-03-01'; --", "\"2024-03-01'; --\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATE, 20240301, "\"20240301\" is not a date (expected YYYY-MM-DD)"),
                arguments(DATETIME_LOCAL, "2024-03-01",
                        "\"2024-03-01\" is not a date and time (expected YYYY-MM-DD HH:MM)"),
                arguments(DATETIME_LOCAL, "2024-03-01 24:00",
                        "\"2024-03-01 24:00\" is not a date and time (expected YYYY-MM-DD HH:MM)"),
                arguments(DATETIME_LOCAL, "2024-03-01 10:15:00",
                        "\"2024-03-01 10:15:00\" is not a date and time (expected YYYY-MM-DD HH:MM)"),
                arguments(DATETIME_WITH_SECONDS, "2024-03-01 10:15",
                        "\"2024-03-01 10:15\" is not a date and time (expected YYYY-MM-DD HH:MM:SS)"),
                arguments(DATETIME_WITH_SECONDS, "2024-03-01 10:15:60",
                        "\"2024-03-01 10:15:60\" is not a date and time (expected YYYY-MM-DD HH:MM:SS)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rejectedValues")
    void rejectsSayingWhy(ParameterType type, Object raw, String message) {
        assertThat(problemOf(ParameterDeclaration.of("p", type), raw)).isEqualTo(message);
    }

    static Stream<Arguments> missingValues() {
        return Arrays.stream(ParameterType.values()).flatMap(type -> Stream.of(
                arguments(type, null), arguments(type, ""), arguments(type, "   "), arguments(type, List.of()),
                arguments(type, Map.of()), arguments(type, Map.of("start", "", "end", ""))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("missingValues")
    void requiresAValueOfEveryType(ParameterType type, Object raw) {
        ParameterDeclaration declaration = new ParameterDeclaration(
                "p", "P", type, null, List.of("a"), 1L, null, ".*");

        assertThat(problemOf(declaration, raw)).isEqualTo("a value is required");
    }

    @Test
    void namesParameterAndValueInMessage() {
        assertThatThrownBy(() -> validate(ParameterDeclaration.of("start_date", DATE), "2024-13-01"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter 'start_date': \"2024-13-01\" is not a date (expected YYYY-MM-DD)");
    }

    @Test
    void shortensLongValuesInMessages() {
        String message = problemOf(ParameterDeclaration.of("n", NUMBER), "x".repeat(500));

        assertThat(message).isEqualTo("\"" + "x".repeat(60) + "...\" is not a number");
    }
}
