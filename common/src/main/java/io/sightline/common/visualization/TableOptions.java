package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code TABLE} and {@code DETAILS}: 25 rows a page; a column's {@code displayAs} follows its type unless saved. */
public final class TableOptions extends Options {

    private final OrganizationFormats formats;

    /** With Redash's default formats. */
    public TableOptions(Map<String, Object> saved) {
        this(saved, OrganizationFormats.DEFAULTS);
    }

    /** @param formats what a column's number and date formats are when it has none saved */
    public TableOptions(Map<String, Object> saved, OrganizationFormats formats) {
        super(saved, map("itemsPerPage", 25, "columns", List.of()));
        this.formats = formats == null ? OrganizationFormats.DEFAULTS : formats;
    }

    public int itemsPerPage() {
        int n = (int) number("itemsPerPage", 25);
        return n > 0 ? n : 25;
    }

    /**
     * The columns in display order: when the saved array's order differs from the result's, the saved order rules
     * and result columns it does not name go last; otherwise the result's order (as Redash's table does).
     *
     * @param resultColumns the result's columns, names and types
     */
    public List<TableColumn> columns(List<ResultColumn> resultColumns) {
        List<Map<String, Object>> savedColumns = new ArrayList<>();
        for (Object c : list("columns")) {
            if (c instanceof Map<?, ?> m && m.get("name") instanceof String) {
                @SuppressWarnings("unchecked") Map<String, Object> column = (Map<String, Object>) m;
                savedColumns.add(column);
            }
        }
        List<String> savedNames = savedColumns.stream().map(c -> (String) c.get("name"))
                .filter(n -> resultColumns.stream().anyMatch(r -> r.name().equals(n))).toList();
        List<String> resultNames = resultColumns.stream().map(ResultColumn::name)
                .filter(savedNames::contains).toList();
        List<String> order = new ArrayList<>();
        if (!savedNames.equals(resultNames)) {
            order.addAll(savedNames);
        }
        resultColumns.forEach(r -> {
            if (!order.contains(r.name())) {
                order.add(r.name());
            }
        });
        List<TableColumn> columns = new ArrayList<>();
        for (String name : order) {
            ResultColumn result = resultColumns.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            Map<String, Object> own = savedColumns.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                    .orElse(Map.of());
            columns.add(TableColumn.of(result, own, formats));
        }
        return columns;
    }

    /**
     * Sightline's conditional colours ({@code sightline.cellColors}), as saved and in their order; an entry that is
     * not a JSON object is skipped ({@link TableCellColors#problems} says so).
     */
    public List<CellColorRule> cellColorRules() {
        List<CellColorRule> rules = new ArrayList<>();
        for (Object entry : list("sightline.cellColors")) {
            if (entry instanceof Map<?, ?>) {
                rules.add(rule(entry));
            }
        }
        return rules;
    }

    /**
     * The colours that apply to a result: what every table renderer paints.
     *
     * @param rows all the result's rows (a {@code range} spans their smallest to largest value), not one page's
     */
    public TableCellColors cellColors(List<ResultColumn> resultColumns, List<Map<String, Object>> rows) {
        return TableCellColors.of(cellColorRules(), resultColumns, rows);
    }

    /**
     * A copy of {@code saved} with {@code sightline.cellColors} set to {@code rules} (removed when there are none),
     * the other {@code sightline} keys and every other key kept.
     */
    public static Map<String, Object> withCellColors(Map<String, Object> saved, List<CellColorRule> rules) {
        Map<String, Object> out = new LinkedHashMap<>(saved);
        Map<String, Object> sightline = new LinkedHashMap<>();
        if (saved.get("sightline") instanceof Map<?, ?> before) {
            before.forEach((key, value) -> sightline.put(String.valueOf(key), value));
        }
        if (rules.isEmpty()) {
            sightline.remove("cellColors");
        } else {
            sightline.put("cellColors", rules.stream().map(CellColorRule::toJson).toList());
        }
        if (sightline.isEmpty()) {
            out.remove("sightline");
        } else {
            out.put("sightline", sightline);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static CellColorRule rule(Object entry) {
        return CellColorRule.of((Map<String, Object>) entry);
    }
}
