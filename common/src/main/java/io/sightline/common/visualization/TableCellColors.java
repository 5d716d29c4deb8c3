package io.sightline.common.visualization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's conditional colours (Sightline's {@code options.sightline.cellColors}): the one place that decides the
 * colour of a cell, for the workbench's table and the shared page's alike. The rules are tried in their saved
 * order and the first that matches wins; a rule matches a cell of its own column, and with {@code highlightRow}
 * every cell of the row. A numeric column's cells compare as numbers; any other column's as text, ignoring case
 * (so ISO dates order as dates). An empty cell (null or blank) matches only {@code empty}. A {@code range} rule
 * matches every cell of its numeric column that holds a number, blended in RGB from its {@code minColor} at the
 * column's smallest value (over all the result's rows) to its {@code color} at the largest. A rule that cannot be
 * applied (no such column, unknown operator, a text against numbers, not a colour) is left out, and
 * {@link #problems} says why.
 */
public final class TableCellColors {

    /** A cell's paint: both colours {@code #rrggbb}, the text black or white, whichever reads on the background. */
    public record CellColor(String background, String text) {
    }

    private static final TableCellColors NONE = new TableCellColors(List.of());

    private final List<AppliedColorRule> rules;

    private TableCellColors(List<AppliedColorRule> rules) {
        this.rules = rules;
    }

    /** The rules that can be applied to a result with {@code columns} and {@code rows}, in their order. */
    static TableCellColors of(List<CellColorRule> rules, List<ResultColumn> columns, List<Map<String, Object>> rows) {
        List<AppliedColorRule> applied = new ArrayList<>();
        for (CellColorRule rule : rules) {
            ResultColumn column = columns.stream().filter(c -> c.name().equals(rule.column())).findFirst()
                    .orElse(null);
            if (column == null || rule.problem(column) != null) {
                continue;
            }
            if (!rule.range()) {
                applied.add(new AppliedColorRule(rule, column.numeric() && rule.comparesNumbers(), null, null));
                continue;
            }
            BigDecimal min = null;
            BigDecimal max = null;
            for (Map<String, Object> row : rows) {
                BigDecimal value = CellColorRule.number(row.get(rule.column()));
                if (value != null) {
                    min = min == null || value.compareTo(min) < 0 ? value : min;
                    max = max == null || value.compareTo(max) > 0 ? value : max;
                }
            }
            if (min != null) {
                applied.add(new AppliedColorRule(rule, true, min, max));
            }
        }
        return applied.isEmpty() ? NONE : new TableCellColors(List.copyOf(applied));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The paint of the cell of {@code row} under {@code column}: the first rule that matches it, if any. */
    public Optional<CellColor> color(String column, Map<String, Object> row) {
        for (AppliedColorRule applied : rules) {
            if (applied.rule().highlightRow() || applied.rule().column().equals(column)) {
                CellColor paint = applied.paint(row);
                if (paint != null) {
                    return Optional.of(paint);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why each saved rule is left out, as warnings at {@code options.sightline.cellColors.<i>}: the table is drawn
     * without it, never refused.
     *
     * @param columns the result's columns (types tell numeric ones), or null when no result is at hand (then no
     *                column is checked)
     */
    public static List<OptionProblem> problems(Map<String, Object> options, List<ResultColumn> columns) {
        List<OptionProblem> found = new ArrayList<>();
        String field = "options.sightline.cellColors";
        Object saved = options.get("sightline") instanceof Map<?, ?> sightline ? sightline.get("cellColors") : null;
        if (saved == null) {
            return found;
        }
        if (!(saved instanceof List<?> list)) {
            found.add(OptionProblem.warning(field, "must be a list of colour rules; no cell is coloured"));
            return found;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) {
                found.add(OptionProblem.warning(field + "." + i, "is not a colour rule (a JSON object); ignored"));
                continue;
            }
            CellColorRule rule = TableOptions.rule(list.get(i));
            ResultColumn column = columns == null ? null : columns.stream()
                    .filter(c -> c.name().equals(rule.column())).findFirst().orElse(null);
            String reason = columns != null && column == null && rule.column() != null && !rule.column().isBlank()
                    ? "the result has no column '" + rule.column() + "'" : rule.problem(column);
            if (reason != null) {
                found.add(OptionProblem.warning(field + "." + i, reason + "; the rule is ignored"));
            }
        }
        return found;
    }
}
