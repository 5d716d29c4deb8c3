package io.sightline.common.parameter;

import static io.sightline.common.parameter.ParameterValidatorTest.CLOCK;
import static io.sightline.common.parameter.ParameterValidatorTest.problemOf;
import static io.sightline.common.parameter.ParameterValidatorTest.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enum, query and text-pattern values. */
class ChoiceAndPatternValidationTest {

    private static final List<String> REGIONS = List.of("North", "South", "East");
    private static final ParameterDeclaration REGION = new ParameterDeclaration(
            "region", "Region", ParameterType.ENUM, null, REGIONS, null, null, null);
    private static final ParameterDeclaration REGIONS_MULTI = new ParameterDeclaration(
            "regions", "Regions", ParameterType.ENUM, null, REGIONS, null, new MultiValuesOptions("'", "'", ","), null);

    private static ParameterDeclaration pattern(String regex) {
        return new ParameterDeclaration("code", "Code", ParameterType.TEXT_PATTERN, null, null, null, null, regex);
    }

    private static ParameterDeclaration query(Long queryId, boolean multi) {
        return new ParameterDeclaration("customer", "Customer", ParameterType.QUERY, null, null, queryId,
                multi ? new MultiValuesOptions(null, null, null) : null, null);
    }

    @Test
    void acceptsAnOption() {
        assertThat(validate(REGION, "South")).isEqualTo(new ValidatedValue.Single("South"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "West   | '\"West\" is not one of the options (North, South, East)'",
        "north  | '\"north\" is not one of the options (North, South, East)'",
        "' North' | '\" North\" is not one of the options (North, South, East)'",
    })
    void rejectsWhatIsNotAnOption(String raw, String message) {
        assertThat(problemOf(REGION, raw)).isEqualTo(message);
    }

    @Test
    void rejectsListForSingleValueEnum() {
        assertThat(problemOf(REGION, List.of("North"))).isEqualTo("expects a single value, not a list");
    }

    @Test
    void matchesNumbersAgainstTheirText() {
        ParameterDeclaration year = new ParameterDeclaration(
                "year", "Year", ParameterType.ENUM, null, List.of("2023", "2024"), null, null, null);

        assertThat(validate(year, 2024)).isEqualTo(new ValidatedValue.Single("2024"));
    }

    @Test
    void listsOnlyTheFirstTenOptions() {
        List<String> options = IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList();
        ParameterDeclaration many = new ParameterDeclaration("n", "N", ParameterType.ENUM, null, options, null, null, null);

        assertThat(problemOf(many, "13"))
                .isEqualTo("\"13\" is not one of the options (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more)");
    }

    @Test
    void saysWhenNoOptionsAreDeclared() {
        assertThat(problemOf(ParameterDeclaration.of("e", ParameterType.ENUM), "x"))
                .isEqualTo("\"x\" is not one of the options (there are none)");
    }

    @Test
    void acceptsListOfOptionsForMultiValue() {
        assertThat(validate(REGIONS_MULTI, List.of("East", "North")))
                .isEqualTo(new ValidatedValue.Multi(List.of("East", "North")));
    }

    @Test
    void takesSingleValueAsOneElementListForMultiValue() {
        assertThat(validate(REGIONS_MULTI, "East")).isEqualTo(new ValidatedValue.Multi(List.of("East")));
    }

    @Test
    void rejectsEmptyListForMultiValue() {
        assertThat(problemOf(REGIONS_MULTI, List.of())).isEqualTo("a value is required");
    }

    @Test
    void namesEveryValueThatIsNotAnOption() {
        assertThat(problemOf(REGIONS_MULTI, List.of("North", "Up", "Down", "Up")))
                .isEqualTo("\"Up\", \"Down\" are not among the options (North, South, East)");
        assertThat(problemOf(REGIONS_MULTI, List.of("North", "Up")))
                .isEqualTo("\"Up\" is not one of the options (North, South, East)");
    }

    @Test
    void rejectsNestedListsInMultiValue() {
        assertThat(problemOf(REGIONS_MULTI, List.of(List.of("North")))).isEqualTo("expects a single value, not a list");
    }

    @Test
    void takesQueryOptionsFromTheSource() {
        QueryOptionsSource source = queryId -> queryId == 7 ? List.of("ACME", "Globex") : List.of();

        assertThat(ParameterValidator.validate(query(7L, false), "Globex", CLOCK, source))
                .isEqualTo(new ValidatedValue.Single("Globex"));
        assertThat(ParameterValidator.validate(query(7L, true), List.of("ACME", "Globex"), CLOCK, source))
                .isEqualTo(new ValidatedValue.Multi(List.of("ACME", "Globex")));
        assertThat(problemOf(query(8L, false), "ACME")).isEqualTo("query-based options are not available here");
    }

    @Test
    void rejectsWhatTheQueryDoesNotOffer() {
        QueryOptionsSource source = queryId -> List.of("ACME", "Globex");

        assertThatProblem(() -> ParameterValidator.validate(query(7L, false), "Initech", CLOCK, source))
                .isEqualTo("\"Initech\" is not one of the options (ACME, Globex)");
    }

    @Test
    void reportsUnavailableQueryOptionsAsTheParametersProblem() {
        QueryOptionsSource source = queryId -> {
            throw new QueryOptionsSource.Unavailable("query 7 has no result yet");
        };

        assertThatProblem(() -> ParameterValidator.validate(query(7L, false), "ACME", CLOCK, source))
                .isEqualTo("query 7 has no result yet");
        assertThat(problemOf(query(7L, false), "ACME")).isEqualTo("query-based options are not available here");
    }

    @Test
    void requiresAQueryForQueryParameter() {
        assertThat(problemOf(query(null, false), "ACME")).isEqualTo("no query is chosen to list the options");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[A-Z]{2}-\\d{3} | AB-123",
        "\\d+            | 0042",
        "'(?i)yes|no'    | YES",
    })
    void acceptsTextMatchingThePattern(String regex, String raw) {
        assertThat(validate(pattern(regex), raw)).isEqualTo(new ValidatedValue.Single(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[A-Z]{2}-\\d{3} | AB-1234          | '\"AB-1234\" does not match the pattern \"[A-Z]{2}-\\d{3}\"'",
        "[A-Z]{2}-\\d{3} | xAB-123          | '\"xAB-123\" does not match the pattern \"[A-Z]{2}-\\d{3}\"'",
        "\\d+            | 1' OR '1'='1     | '\"1'' OR ''1''=''1\" does not match the pattern \"\\d+\"'",
        "[               | a                | 'the declared pattern \"[\" is not a valid regular expression'",
    })
    void rejectsTextNotMatchingThePattern(String regex, String raw, String message) {
        assertThat(problemOf(pattern(regex), raw)).isEqualTo(message);
    }

    @Test
    void requiresADeclaredPattern() {
        assertThat(problemOf(pattern(null), "a")).isEqualTo("no pattern is declared to check the value against");
    }

    @Test
    void acceptsLongValueWithOrdinaryPattern() {
        String value = "ab".repeat(100_000);

        assertThat(validate(pattern("[a-z]+"), value)).isEqualTo(new ValidatedValue.Single(value));
    }

    @Test
    void stopsRunawayPatternInsteadOfHangingTheThread() {
        // java.util.regex needs about six seconds for this unbounded, and far longer for longer input
        String value = "a".repeat(30) + "!";

        long started = System.nanoTime();
        String message = problemOf(pattern("(.*a){12}"), value);

        assertThat(message).endsWith("takes too long; the pattern needs simplifying");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertThatProblem(Runnable validation) {
        try {
            validation.run();
        } catch (ParameterException e) {
            assertThat(e.problems()).hasSize(1);
            return assertThat(e.problems().get(0).message());
        }
        throw new AssertionError("accepted");
    }
}
