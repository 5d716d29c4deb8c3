package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametersTest {

    @Test
    void queryWithoutParametersIsSafe() {
        assertThat(Parameters.isSafe(List.of())).isTrue();
    }

    @Test
    void queryWithOnlyCheckedParametersIsSafe() {
        assertThat(Parameters.isSafe(List.of(
                ParameterDeclaration.of("n", ParameterType.NUMBER),
                ParameterDeclaration.of("code", ParameterType.TEXT_PATTERN),
                ParameterDeclaration.of("period", ParameterType.DATE_RANGE)))).isTrue();
    }

    @Test
    void oneTextParameterMakesQueryUnsafe() {
        assertThat(Parameters.isSafe(List.of(
                ParameterDeclaration.of("n", ParameterType.NUMBER),
                ParameterDeclaration.of("q", ParameterType.TEXT)))).isFalse();
    }

    /** The stored options read as the declarations are: what the run refuses to a viewer, the API never calls safe. */
    @Test
    void storedOptionsAreSafeExactlyWhenTheirDeclarationsAre() {
        Map<String, Object> none = Map.of();
        Map<String, Object> checked = Map.of("parameters", List.of(Map.of("name", "n", "type", "number"),
                Map.of("name", "d", "type", "date-range")));
        Map<String, Object> text = Map.of("parameters", List.of(Map.of("name", "n", "type", "number"),
                Map.of("name", "q", "type", "text")));
        Map<String, Object> untyped = Map.of("parameters", List.of(Map.of("name", "q")));
        Map<String, Object> unknown = Map.of("parameters", List.of(Map.of("name", "q", "type", "sql")));

        assertThat(Parameters.isSafe(none)).isTrue();
        assertThat(Parameters.isSafe(checked)).isTrue();
        assertThat(Parameters.isSafe(text)).isFalse();
        assertThat(Parameters.isSafe(untyped)).as("no type reads as text").isFalse();
        assertThat(Parameters.isSafe(unknown)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT {{ a }}                                        | a",
        "SELECT {{a}}                                          | a",
        "SELECT {{{ a }}}                                      | a",
        "SELECT {{{a}}}, {{  b  }}                             | a,b",
        "WHERE d BETWEEN '{{ p.start }}' AND '{{ p.end }}'     | p",
        "SELECT {{ b }}, {{ a }}, {{ b }}                      | b,a",
        "SELECT {{ größe }}, {{ top-n }}, {{ x_1 }}            | größe,top-n,x_1",
        "SELECT '{{ }}', '{{#section}}', '{{! comment }}', '{' | ''",
    })
    void findsNamesUsedInMustacheTags(String sql, String names) {
        List<String> expected = names.isEmpty() ? List.of() : List.of(names.split(","));

        assertThat(Parameters.referencedNames(sql)).containsExactlyElementsOf(expected);
    }
}
