package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query snippets' tab stops, written as Redash's editor writes them. */
class SnippetTextTest {

    @Test
    void placeholdersAreInsertedAndVisitedInTheirNumbersOrder() {
        SnippetText.Expanded expanded = SnippetText.expand("SELECT ${2:columns} FROM ${1:table} WHERE $3");

        assertThat(expanded.text()).isEqualTo("SELECT columns FROM table WHERE ");
        assertThat(expanded.stops()).extracting(SnippetText.Stop::number).containsExactly(1, 2, 3);
        SnippetText.Stop first = expanded.stops().get(0);
        assertThat(expanded.text().substring(first.start(), first.end())).isEqualTo("table");
        SnippetText.Stop last = expanded.stops().get(2);
        assertThat(last.start()).isEqualTo(last.end()).isEqualTo(expanded.text().length());
    }

    @Test
    void dollarZeroIsVisitedLastAndAnEscapedDollarIsText() {
        SnippetText.Expanded expanded = SnippetText.expand("${0}SELECT '\\$5' AS price, ${1:n}");

        assertThat(expanded.text()).isEqualTo("SELECT '$5' AS price, n");
        assertThat(expanded.stops()).extracting(SnippetText.Stop::number).containsExactly(1, 0);
    }

    @Test
    void aSnippetWithoutStopsIsItsText() {
        SnippetText.Expanded expanded = SnippetText.expand("SELECT now()");
        assertThat(expanded.text()).isEqualTo("SELECT now()");
        assertThat(expanded.stops()).isEmpty();
    }
}
