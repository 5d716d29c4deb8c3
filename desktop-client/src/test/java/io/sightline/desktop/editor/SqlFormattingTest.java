package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.vertical_blank.sqlformatter.languages.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFormattingTest {

    @Test
    void putsEachClauseOnItsOwnLine() {
        assertThat(SqlFormatting.format("select a, b from t where a > 1 order by b", "pg")).isEqualTo("""
                select
                  a,
                  b
                from
                  t
                where
                  a > 1
                order by
                  b""");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{ regions }}",
            "{{regions}}",
            "{{{ raw }}}",
            "'{{ period.start }}'",
            "{{ period.end }}"})
    void keepsParametersExactlyAsWritten(String tag) {
        String formatted = SqlFormatting.format("select * from t where x in (" + tag + ") and y = 1", "duckdb");

        assertThat(formatted).contains(tag).doesNotContain("sightline_parameter");
    }

    @Test
    void keepsSeveralParametersInTheirPlaces() {
        String formatted = SqlFormatting.format("select * from sales where day between '{{ period.start }}' and"
                + " '{{ period.end }}' and region = {{ region }} and amount > {{min}}", "mysql");

        assertThat(formatted).contains("day between '{{ period.start }}' and '{{ period.end }}'")
                .contains("region = {{ region }}").contains("amount > {{min}}");
    }

    @Test
    void leavesTextThatAlreadyUsesThePlaceholderWordAlone() {
        String formatted = SqlFormatting.format("select sightline_parameter_0_ from t where x = {{ x }}", "pg");

        assertThat(formatted).contains("sightline_parameter_0_").contains("x = {{ x }}");
    }

    @ParameterizedTest
    @CsvSource({"pg, PostgreSql", "postgresql, PostgreSql", "mysql, MySql", "mariadb, MariaDb", "duckdb, StandardSql",
            "h2, StandardSql"})
    void choosesTheDialectOfTheDataSource(String type, Dialect dialect) {
        assertThat(SqlFormatting.dialectOf(type)).isEqualTo(dialect);
    }

    @Test
    void formatsPostgresCastsAndMysqlBackticks() {
        assertThat(SqlFormatting.format("select a::date from t", "pg")).contains("::").doesNotContain(": :");
        assertThat(SqlFormatting.format("select `order` from t", "mysql")).contains("`order`");
    }
}
