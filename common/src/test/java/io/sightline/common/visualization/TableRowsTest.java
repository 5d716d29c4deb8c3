package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.TableRows.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRowsTest {

    private static final List<ResultColumn> RESULT = List.of(new ResultColumn("city", "string"),
            new ResultColumn("revenue", "float"), new ResultColumn("code", "string"));

    @Test
    void numbersSortAsNumbersWhateverTheirJavaTypeAndEmptyCellsComeLastBothWays() {
        List<Map<String, Object>> rows = List.of(row("A", 10L), row("B", null), row("C", 9.5), row("D",
                new BigDecimal("100.25")), row("E", 2));
        assertThat(cities(TableRows.sorted(rows, List.of(new SortKey("revenue", false)))))
                .containsExactly("E", "C", "A", "D", "B");
        assertThat(cities(TableRows.sorted(rows, List.of(new SortKey("revenue", true)))))
                .containsExactly("D", "A", "C", "E", "B");
        assertThat(cities(rows)).as("the result itself is left as it is").containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void textSortsWithoutRegardToCaseAndASecondKeyBreaksTies() {
        List<Map<String, Object>> rows = List.of(row("berlin", 1), row("Amsterdam", 2), row("Berlin", 3),
                row("amsterdam", 1));
        assertThat(TableRows.sorted(rows, List.of(new SortKey("city", false), new SortKey("revenue", true)))
                .stream().map(r -> r.get("city") + ":" + r.get("revenue")).toList())
                .containsExactly("Amsterdam:2", "amsterdam:1", "Berlin:3", "berlin:1");
    }

    @Test
    void aSearchKeepsRowsWhoseSearchableCellsAsWrittenContainTheWords() {
        Map<String, Object> saved = Map.of("columns", List.of(
                Map.of("name", "city", "allowSearch", true),
                Map.of("name", "revenue", "allowSearch", true, "numberFormat", "0,0")));
        List<TableColumn> columns = new TableOptions(saved).columns(RESULT);
        List<Map<String, Object>> rows = List.of(row("Lisbon", 1234), row("Oslo", 99), row("Lille", 5));
        assertThat(cities(TableRows.searched(columns, rows, "LI"))).containsExactly("Lisbon", "Lille");
        assertThat(cities(TableRows.searched(columns, rows, " 1,23 "))).as("the number as the table writes it")
                .containsExactly("Lisbon");
        assertThat(TableRows.searched(columns, rows, "")).isSameAs(rows);
        List<TableColumn> noSearch = new TableOptions(Map.of()).columns(RESULT);
        assertThat(TableRows.searched(noSearch, rows, "Oslo")).as("no column allows search").isSameAs(rows);
    }

    @Test
    void aLinkIsFilledFromItsTemplatesAndOnlyWebAndMailAddressesOpen() {
        Map<String, Object> saved = Map.of("columns", List.of(Map.of("name", "code", "displayAs", "link",
                "linkUrlTemplate", " https://example.com/cities/{{ @ }}?name={{ city }} ",
                "linkTextTemplate", "{{ city }} ({{ @ }})", "linkTitleTemplate", "Open {{ city }}")));
        TableColumn code = new TableOptions(saved).columns(RESULT).get(2);
        Map<String, Object> row = new HashMap<>(row("Oslo", 1));
        row.put("code", "OSL");
        TableLink link = TableCells.link(code, row).orElseThrow();
        assertThat(link).isEqualTo(new TableLink("https://example.com/cities/OSL?name=Oslo", "Oslo (OSL)",
                "Open Oslo"));
        assertThat(link.opens()).isTrue();
        row.put("code", null);
        assertThat(TableCells.link(code, row)).as("an empty cell is no link").isEmpty();
        TableColumn city = new TableOptions(saved).columns(RESULT).get(0);
        assertThat(TableCells.link(city, row)).as("not a link column").isEmpty();

        assertThat(new TableLink("mailto:ops@example.com", "", "").opens()).isTrue();
        assertThat(new TableLink("HTTP://example.com", "", "").opens()).isTrue();
        for (String refused : List.of("file:///etc/passwd", "javascript:alert(1)", "/relative/path", "http://",
                "not a url")) {
            assertThat(new TableLink(refused, "", "").opens()).as(refused).isFalse();
        }
    }

    private static Map<String, Object> row(String city, Object revenue) {
        Map<String, Object> row = new HashMap<>();
        row.put("city", city);
        row.put("revenue", revenue);
        return row;
    }

    private static List<String> cities(List<Map<String, Object>> rows) {
        return new ArrayList<>(rows.stream().map(r -> (String) r.get("city")).toList());
    }
}
