package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
