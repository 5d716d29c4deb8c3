package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterBinderTest {

    private static final String SEED_QUERY = "SELECT region, SUM(amount) AS revenue FROM sales.fact_transactions"
            + " WHERE transaction_ts BETWEEN '{{ start_date }}' AND '{{ end_date }}'"
            + " GROUP BY region ORDER BY revenue DESC;";
    private static final List<ParameterDeclaration> SEED_PARAMETERS = List.of(
            ParameterDeclaration.of("start_date", ParameterType.DATE),
            ParameterDeclaration.of("end_date", ParameterType.DATE));

    /** Friday 2024-03-15, 10:30:45 UTC. */
    private final ParameterBinder binder =
            new ParameterBinder(Clock.fixed(Instant.parse("2024-03-15T10:30:45Z"), ZoneOffset.UTC));

    private BoundQuery bind(String sql, List<ParameterDeclaration> declarations, Map<String, Object> values) {
        return binder.bind(sql, declarations, values, SqlDialect.ANSI, QueryOptionsSource.NONE);
    }

    private List<ParameterProblem> problemsOf(
            String sql, List<ParameterDeclaration> declarations, Map<String, Object> values) {
        try {
            bind(sql, declarations, values);
        } catch (ParameterException e) {
            return e.problems();
        }
        throw new AssertionError("bound without problems: " + sql);
    }

    private static ParameterDeclaration withDefault(String name, ParameterType type, Object value) {
        return new ParameterDeclaration(name, name, type, value, null, null, null, null);
    }

    private static ParameterDeclaration multiEnum(String name, List<String> options, MultiValuesOptions multi) {
        return new ParameterDeclaration(name, name, ParameterType.ENUM, null, options, null, multi, null);
    }

    @Test
    void rendersSeedQueryWithTwoDates() {
        BoundQuery bound = bind(SEED_QUERY, SEED_PARAMETERS, Map.of("start_date", "2024-01-01", "end_date", "2024-01-31"));

        assertThat(bound.sql()).isEqualTo("SELECT region, SUM(amount) AS revenue FROM sales.fact_transactions"
                + " WHERE transaction_ts BETWEEN '2024-01-01' AND '2024-01-31'"
                + " GROUP BY region ORDER BY revenue DESC;");
        assertThat(bound.appliedValues()).containsExactly(
                Map.entry("start_date", "2024-01-01"), Map.entry("end_date", "2024-01-31"));
    }

    @Test
    void rendersDynamicDatesAsOfTheClock() {
        BoundQuery bound = bind(SEED_QUERY, SEED_PARAMETERS, Map.of("start_date", "d_yesterday", "end_date", "d_now"));

        assertThat(bound.sql()).contains("BETWEEN '2024-03-14' AND '2024-03-15'");
        assertThat(bound.appliedValues()).containsEntry("start_date", "2024-03-14");
    }

    @Test
    void fallsBackToDeclaredDefault() {
        List<ParameterDeclaration> declarations = List.of(
                withDefault("start_date", ParameterType.DATE, "2024-01-01"),
                withDefault("end_date", ParameterType.DATE, "d_now"));
        Map<String, Object> values = new HashMap<>();
        values.put("end_date", null);

        BoundQuery bound = bind(SEED_QUERY, declarations, values);

        assertThat(bound.sql()).contains("BETWEEN '2024-01-01' AND '2024-03-15'");
    }

    @Test
    void givenValueOverridesDefault() {
        BoundQuery bound = bind("SELECT {{ n }}", List.of(withDefault("n", ParameterType.NUMBER, 10)), Map.of("n", "2.50"));

        assertThat(bound.sql()).isEqualTo("SELECT 2.5");
        assertThat(bound.appliedValues()).containsEntry("n", "2.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT {{n}}            | SELECT 42",
        "SELECT {{   n   }}      | SELECT 42",
        "SELECT {{{ n }}}        | SELECT 42",
        "SELECT {{{n}}}, {{ n }} | SELECT 42, 42",
        "SELECT {{ n}}+{{n }}    | SELECT 42+42",
    })
    void acceptsTagsWithAndWithoutSpacesOrTripleBraces(String sql, String rendered) {
        assertThat(bind(sql, List.of(ParameterDeclaration.of("n", ParameterType.NUMBER)), Map.of("n", 42)).sql())
                .isEqualTo(rendered);
    }

    @Test
    void rendersRangeStartAndEnd() {
        String sql = "SELECT * FROM t WHERE ts >= '{{ period.start }}' AND ts <= '{{period.end}}'";
        List<ParameterDeclaration> declarations = List.of(ParameterDeclaration.of("period", ParameterType.DATETIME_RANGE));

        BoundQuery explicit = bind(sql, declarations,
                Map.of("period", Map.of("start", "2024-01-01 08:00", "end", "2024-01-02T18:00")));
        BoundQuery dynamic = bind(sql, declarations, Map.of("period", "d_last_month"));

        assertThat(explicit.sql()).isEqualTo("SELECT * FROM t WHERE ts >= '2024-01-01 08:00' AND ts <= '2024-01-02 18:00'");
        assertThat(explicit.appliedValues()).isEqualTo(
                Map.of("period", Map.of("start", "2024-01-01 08:00", "end", "2024-01-02 18:00")));
        assertThat(dynamic.sql()).isEqualTo("SELECT * FROM t WHERE ts >= '2024-02-01 00:00' AND ts <= '2024-02-29 23:59'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'    | '    | ,     | region IN ('North','East')",
        "'    | '    | \", \"  | region IN ('North', 'East')",
        "\"\"\"\" | \"\"\"\" | ,  | region IN ('North','East')",
        "     |      |       | region IN ('North','East')",
        "a.   | _x   | ' OR ' | region IN ('North'' OR ''East')",
    })
    void quotesTextItemsOfMultiValuesWhateverPrefixAndSuffixSay(String prefix, String suffix, String separator, String rendered) {
        ParameterDeclaration regions = multiEnum("regions", List.of("North", "South", "East"),
                new MultiValuesOptions(prefix, suffix, separator));

        BoundQuery bound = bind("region IN ({{ regions }})", List.of(regions), Map.of("regions", List.of("North", "East")));

        assertThat(bound.sql()).isEqualTo(rendered);
        assertThat(bound.appliedValues()).containsEntry("regions", List.of("North", "East"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'  | '  | id IN ('1','-2.5')",
        "   |    | id IN (1,-2.5)",
    })
    void writesAllNumberMultiValuesBetweenPrefixAndSuffix(String prefix, String suffix, String rendered) {
        ParameterDeclaration ids = multiEnum("ids", List.of("1", "-2.5"), new MultiValuesOptions(prefix, suffix, ","));

        assertThat(bind("id IN ({{ ids }})", List.of(ids), Map.of("ids", List.of("1", "-2.5"))).sql()).isEqualTo(rendered);
    }

    @Test
    void keepsAnUnquotedMultiValueItemInsideItsLiteral() {
        String hostile = "x') OR ('1'='1";
        ParameterDeclaration regions = multiEnum("regions", List.of("1", hostile), new MultiValuesOptions("", "", ","));

        assertThat(bind("region IN ({{ regions }})", List.of(regions), Map.of("regions", List.of("1", hostile))).sql())
                .isEqualTo("region IN ('1','x'') OR (''1''=''1')");
    }

    @Test
    void refusesAnUnpairedSurrogateNamingTheParameter() {
        ParameterDeclaration name = ParameterDeclaration.of("name", ParameterType.TEXT);

        assertThatThrownBy(() -> bind("SELECT '{{ name }}'", List.of(name), Map.of("name", "a\ud800b")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("name").hasMessageContaining("surrogate");
    }

    @Test
    void escapesEnumValuesButNotPrefixOrSuffix() {
        ParameterDeclaration airports =
                multiEnum("airports", List.of("O'Hare", "JFK"), new MultiValuesOptions("'", "'", ","));
        ParameterDeclaration airport = new ParameterDeclaration(
                "airport", "Airport", ParameterType.ENUM, null, List.of("O'Hare", "JFK"), null, null, null);

        assertThat(bind("IN ({{ airports }})", List.of(airports), Map.of("airports", List.of("O'Hare", "JFK"))).sql())
                .isEqualTo("IN ('O''Hare','JFK')");
        assertThat(bind("= '{{ airport }}'", List.of(airport), Map.of("airport", "O'Hare")).sql())
                .isEqualTo("= 'O''Hare'");
    }

    @Test
    void rendersQueryBasedOptions() {
        ParameterDeclaration customer = new ParameterDeclaration(
                "customer", "Customer", ParameterType.QUERY, null, null, 7L, null, null);

        BoundQuery bound = binder.bind("WHERE c = '{{ customer }}'", List.of(customer), Map.of("customer", "ACME"),
                SqlDialect.ANSI, queryId -> List.of("ACME", "Globex"));

        assertThat(bound.sql()).isEqualTo("WHERE c = 'ACME'");
    }

    @Test
    void reportsAllProblemsTogether() {
        String sql = "SELECT * FROM t WHERE n > {{ limit }} AND d = '{{ day }}' AND g = '{{ ghost }}'"
                + " AND p BETWEEN '{{ period }}' AND '{{ period.end }}'";
        List<ParameterDeclaration> declarations = List.of(
                ParameterDeclaration.of("limit", ParameterType.NUMBER),
                ParameterDeclaration.of("day", ParameterType.DATE),
                ParameterDeclaration.of("period", ParameterType.DATE_RANGE));
        Map<String, Object> values = Map.of(
                "limit", "ten", "stray", "x", "period", Map.of("start", "2024-01-01", "end", "2024-01-31"));

        assertThatThrownBy(() -> bind(sql, declarations, values))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.problems()).containsExactly(
                        new ParameterProblem("ghost", "used in the query but not declared"),
                        new ParameterProblem("stray", "unknown parameter"),
                        new ParameterProblem("period",
                                "is a range: use {{ period.start }} and {{ period.end }} in the query"),
                        new ParameterProblem("limit", "\"ten\" is not a number"),
                        new ParameterProblem("day", "a value is required")))
                .hasMessage("Parameter 'ghost': used in the query but not declared; Parameter 'stray': unknown parameter;"
                        + " Parameter 'period': is a range: use {{ period.start }} and {{ period.end }} in the query;"
                        + " Parameter 'limit': \"ten\" is not a number; Parameter 'day': a value is required");
    }

    @Test
    void reportsEachProblemOnceHoweverOftenTheTagIsUsed() {
        assertThat(problemsOf("SELECT {{ ghost }}, {{ ghost }}, {{ghost}}", List.of(), Map.of()))
                .containsExactly(new ParameterProblem("ghost", "used in the query but not declared"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT {{ n.start }}  | n | number     | 5          | is not a range: use {{ n }} instead of {{ n.start }}",
        "SELECT {{ d.end }}    | d | date       | 2024-01-01 | is not a range: use {{ d }} instead of {{ d.end }}",
        "SELECT {{ p.middle }} | p | date-range | d_today    | a range has only .start and .end, not .middle",
        "SELECT {{ p }}        | p | date-range | d_today    | is a range: use {{ p.start }} and {{ p.end }} in the query",
    })
    void reportsTagThatDoesNotFitTheType(String sql, String name, String type, String value, String message) {
        List<ParameterDeclaration> declarations = List.of(ParameterDeclaration.of(name, ParameterType.fromWire(type)));

        assertThat(problemsOf(sql, declarations, Map.of(name, value)))
                .containsExactly(new ParameterProblem(name, message));
    }

    @Test
    void reportsDuplicateDeclaration() {
        List<ParameterDeclaration> declarations = List.of(
                ParameterDeclaration.of("n", ParameterType.NUMBER), ParameterDeclaration.of("n", ParameterType.TEXT));

        assertThat(problemsOf("SELECT {{ n }}", declarations, Map.of("n", 1)))
                .containsExactly(new ParameterProblem("n", "declared more than once"));
    }

    @Test
    void skipsUnusedDeclarationWithoutValue() {
        List<ParameterDeclaration> declarations = List.of(
                ParameterDeclaration.of("n", ParameterType.NUMBER), ParameterDeclaration.of("unused", ParameterType.DATE));

        BoundQuery bound = bind("SELECT {{ n }}", declarations, Map.of("n", 1));

        assertThat(bound.sql()).isEqualTo("SELECT 1");
        assertThat(bound.appliedValues()).containsOnlyKeys("n");
    }

    @Test
    void checksValueGivenForUnusedDeclaration() {
        List<ParameterDeclaration> declarations = List.of(
                ParameterDeclaration.of("n", ParameterType.NUMBER), ParameterDeclaration.of("unused", ParameterType.DATE));

        assertThat(problemsOf("SELECT {{ n }}", declarations, Map.of("n", 1, "unused", "tomorrow")))
                .containsExactly(new ParameterProblem("unused", "\"tomorrow\" is not a date (expected YYYY-MM-DD)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 10-{{ n }}       | -5  | SELECT 10- -5",
        "SELECT 10 - {{ n }}     | -5  | SELECT 10 - -5",
        "SELECT 10-{{ n }}       | 5   | SELECT 10-5",
        "SELECT * LIMIT {{ n }}  | -5  | SELECT * LIMIT -5",
    })
    void neverLetsNegativeNumberStartAComment(String sql, String value, String rendered) {
        assertThat(bind(sql, List.of(ParameterDeclaration.of("n", ParameterType.NUMBER)), Map.of("n", value)).sql())
                .isEqualTo(rendered);
    }

    @Test
    void leavesOtherMustacheTagsAndBracesAlone() {
        String sql = "SELECT '{\"a\": 1}', '{{#section}}', '{{! note }}', {{ n }}";

        assertThat(bind(sql, List.of(ParameterDeclaration.of("n", ParameterType.NUMBER)), Map.of("n", 1)).sql())
                .isEqualTo("SELECT '{\"a\": 1}', '{{#section}}', '{{! note }}', 1");
    }

    @Test
    void bindsUndeclaredValuesAsEscapedText() {
        BoundQuery bound = binder.bindUndeclared("SELECT * FROM users WHERE name = '{{ name }}' AND age > {{age}}",
                Map.of("name", "O'Brien", "age", 30), SqlDialect.MYSQL);

        assertThat(bound.sql()).isEqualTo("SELECT * FROM users WHERE name = 'O''Brien' AND age > 30");
        assertThat(bound.appliedValues()).containsEntry("name", "O'Brien").containsEntry("age", "30");
    }

    @Test
    void reportsProblemsOfUndeclaredValues() {
        assertThatThrownBy(() -> binder.bindUndeclared("SELECT '{{ a }}', '{{ b.start }}', '{{ c }}'",
                Map.of("b", "x", "c", List.of("y")), SqlDialect.ANSI))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.problems()).containsExactly(
                        new ParameterProblem("b", "is not a range: use {{ b }} instead of {{ b.start }}"),
                        new ParameterProblem("a", "a value is required"),
                        new ParameterProblem("c", "expects a single value, not a list")));
    }

    @Test
    void bindsSqlWithoutParametersUnchanged() {
        String sql = "SELECT 1 -- {{ not a tag }}";

        assertThat(bind(sql, List.of(), Map.of()).sql()).isEqualTo(sql);
        assertThat(binder.bindUndeclared(sql, Map.of(), SqlDialect.ANSI).appliedValues()).isEmpty();
    }
}
