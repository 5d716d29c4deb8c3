package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redash's {@code query_is_select_no_limit} and {@code add_limit_to_query}, statement by statement. */
class AutoLimitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELECT * FROM t                                   | SELECT * FROM t LIMIT 1000
            select a from t order by a;                       | select a from t order by a LIMIT 1000
            SELECT * FROM (SELECT * FROM t LIMIT 5) s         | SELECT * FROM (SELECT * FROM t LIMIT 5) s LIMIT 1000
            SELECT 'LIMIT 5' AS "limit"                       | SELECT 'LIMIT 5' AS "limit" LIMIT 1000
            `SELECT 1 -- no LIMIT here`                       | `SELECT 1 -- no LIMIT here\nLIMIT 1000`
            SELECT 1 /* LIMIT */                              | SELECT 1 /* LIMIT */ LIMIT 1000
            CREATE TEMP TABLE x AS SELECT 1; SELECT * FROM x  | `CREATE TEMP TABLE x AS SELECT 1;\nSELECT * FROM x LIMIT 1000`
            """)
    void appendsTheLimitToALastSelectWithoutOne(String sql, String limited) {
        assertThat(AutoLimit.apply(sql, true)).isEqualTo(limited.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELECT * FROM t LIMIT 10
            SELECT * FROM t limit 10 offset 20
            SELECT * FROM t OFFSET 20
            SELECT * FROM t FETCH FIRST 5 ROWS ONLY
            WITH x AS (SELECT 1) SELECT * FROM x
            INSERT INTO t SELECT * FROM u
            SELECT * FROM t; DELETE FROM t
            (SELECT 1)
            """)
    void leavesOtherStatementsAsTheyAre(String sql) {
        assertThat(AutoLimit.apply(sql, true)).isEqualTo(sql);
    }

    @Test
    void changesNothingUnlessAsked() {
        assertThat(AutoLimit.apply("SELECT * FROM t", false)).isEqualTo("SELECT * FROM t");
    }

    @Test
    void readsTheQuerysOwnOption() {
        assertThat(AutoLimit.chosenIn("{\"apply_auto_limit\": true, \"parameters\": []}")).isTrue();
        assertThat(AutoLimit.chosenIn("{\"parameters\": []}")).isFalse();
        assertThat(AutoLimit.chosenIn(null)).isFalse();
    }
}
