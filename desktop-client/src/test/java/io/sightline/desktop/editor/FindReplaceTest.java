package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindReplaceTest {

    private static final String SQL = "SELECT region FROM t WHERE Region = 'EMEA' GROUP BY region";

    @Test
    void findsTheNextMatchIgnoringCaseAndWrapsAround() {
        assertThat(FindReplace.next(SQL, "region", 0, false)).isEqualTo(new FindReplace.Match(7, 13));
        assertThat(FindReplace.next(SQL, "region", 13, false).start()).isEqualTo(SQL.indexOf("Region"));
        assertThat(FindReplace.next(SQL, "region", SQL.length(), false).start()).isEqualTo(7);
    }

    @Test
    void respectsCaseWhenAsked() {
        assertThat(FindReplace.count(SQL, "region", true)).isEqualTo(2);
        assertThat(FindReplace.count(SQL, "region", false)).isEqualTo(3);
        assertThat(FindReplace.next(SQL, "nowhere", 0, false)).isNull();
    }

    @Test
    void findsThePreviousMatch() {
        assertThat(FindReplace.previous(SQL, "region", SQL.length(), false).start()).isEqualTo(SQL.lastIndexOf("region"));
        assertThat(FindReplace.previous(SQL, "region", 7, false).start()).isEqualTo(SQL.lastIndexOf("region"));
    }

    @Test
    void replacesEveryMatch() {
        FindReplace.Replaced result = FindReplace.replaceAll(SQL, "region", "country", false);

        assertThat(result.count()).isEqualTo(3);
        assertThat(result.text()).isEqualTo("SELECT country FROM t WHERE country = 'EMEA' GROUP BY country");
    }
}
