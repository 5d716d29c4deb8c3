package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.api.SchemaTable;
import io.sightline.desktop.api.SchemaTable.SchemaColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static final List<SchemaTable> SCHEMA = List.of(
            new SchemaTable("sales.dim_customer", List.of(new SchemaColumn("customer_id", "BIGINT"),
                    new SchemaColumn("segment", "VARCHAR"), new SchemaColumn("country", "VARCHAR"))),
            new SchemaTable("sales.fact_transactions", List.of(new SchemaColumn("transaction_id", "BIGINT"),
                    new SchemaColumn("customer_id", "BIGINT"), new SchemaColumn("amount", "DECIMAL"))),
            new SchemaTable("hr.staff", List.of(new SchemaColumn("staff_id", "INT"))));

    private static List<String> offered(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return Completion.at(text, caret, SCHEMA).suggestions().stream().map(Completion.Suggestion::text).toList();
    }

    @Test
    void resolvesAnAliasToItsTableColumns() {
        assertThat(offered("SELECT c.| FROM sales.dim_customer c")).containsExactly("customer_id", "segment", "country");
    }

    @Test
    void resolvesAnAliasWrittenWithAsAndFiltersByTheTypedPrefix() {
        assertThat(offered("SELECT f.am| FROM sales.fact_transactions AS f JOIN sales.dim_customer c ON true"))
                .containsExactly("amount");
    }

    @Test
    void resolvesAliasesOfCommaSeparatedTables() {
        assertThat(offered("SELECT s.| FROM sales.dim_customer c, hr.staff s")).containsExactly("staff_id");
    }

    @Test
    void looksForAliasesOnlyInTheStatementAtTheCaret() {
        assertThat(offered("SELECT * FROM hr.staff c; SELECT c.| FROM sales.dim_customer c"))
                .containsExactly("customer_id", "segment", "country");
    }

    @Test
    void offersTheTablesOfASchemaAfterItsName() {
        assertThat(offered("SELECT * FROM sales.|")).containsExactly("dim_customer", "fact_transactions");
    }

    @Test
    void offersColumnsOfTheStatementTablesFirstThenTablesThenKeywords() {
        List<String> offers = offered("SELECT c| FROM sales.dim_customer");

        assertThat(offers).startsWith("customer_id", "country");
        assertThat(offers).contains("case", "count");
        assertThat(offers.indexOf("country")).isLessThan(offers.indexOf("case"));
    }

    @Test
    void matchesATableByItsShortNameAndInsertsTheQualifiedName() {
        assertThat(offered("SELECT * FROM fact|")).containsExactly("sales.fact_transactions");
    }

    @Test
    void writesKeywordsInTheCaseTheUserTypes() {
        assertThat(offered("sel|")).contains("select");
        assertThat(offered("SEL|")).contains("SELECT");
    }

    @Test
    void replacesOnlyTheWordAfterTheDot() {
        Completion.Result result = Completion.at("SELECT c.seg", 12, SCHEMA);

        assertThat(result.replaceFrom()).isEqualTo(9);
        assertThat(result.typed()).isEqualTo("seg");
    }

    @Test
    void offersQuerySnippetsUnderTheirTriggerFirst() {
        var snippets = List.of(
                new io.sightline.common.api.snippet.QuerySnippet(1, "sel", "select all", "SELECT * FROM ${1:t}",
                        null, null, null),
                new io.sightline.common.api.snippet.QuerySnippet(2, "cnt", "", "SELECT count(*)\nFROM x", null,
                        null, null));
        Completion.Result result = Completion.at("se", 2, SCHEMA, snippets);
        assertThat(result.suggestions().get(0)).isEqualTo(new Completion.Suggestion("sel", "snippet", "select all"));
        assertThat(result.suggestions()).extracting(Completion.Suggestion::text).contains("select");

        assertThat(Completion.at("cn", 2, SCHEMA, snippets).suggestions().get(0).detail())
                .as("the first line when there is no description").isEqualTo("SELECT count(*)");
        assertThat(Completion.at("c.se", 4, SCHEMA, snippets).suggestions())
                .extracting(Completion.Suggestion::kind).doesNotContain("snippet");
    }
}
