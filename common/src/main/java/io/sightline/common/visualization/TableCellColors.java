package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private final List<Applied> rules;

    private TableCellColors(List<Applied> rules) {
        this.rules = rules;
    }

    /** No colours. */
    public static TableCellColors none() {
        return NONE;
    }

    /** The rules that can be applied to a result with {@code columns} and {@code rows}, in their order. */
    static TableCellColors of(List<CellColorRule> rules, List<ResultColumn> columns, List<Map<String, Object>> rows) {
        List<Applied> applied = new ArrayList<>();
        for (CellColorRule rule : rules) {
            ResultColumn column = columns.stream().filter(c -> c.name().equals(rule.column())).findFirst()
                    .orElse(null);
            if (column == null || reason(rule, column) != null) {
                continue;
            }
            if (!rule.range()) {
                applied.add(new Applied(rule, column.numeric() && rule.comparesNumbers(), null, null));
                continue;
            }
            BigDecimal min = null;
            BigDecimal max = null;
            for (Map<String, Object> row : rows) {
                BigDecimal value = number(row.get(rule.column()));
                if (value != null) {
                    min = min == null || value.compareTo(min) < 0 ? value : min;
                    max = max == null || value.compareTo(max) > 0 ? value : max;
                }
            }
            if (min != null) {
                applied.add(new Applied(rule, true, min, max));
            }
        }
        return applied.isEmpty() ? NONE : new TableCellColors(List.copyOf(applied));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The paint of the cell of {@code row} under {@code column}: the first rule that matches it, if any. */
    public Optional<CellColor> color(String column, Map<String, Object> row) {
        for (Applied applied : rules) {
            if (applied.rule.highlightRow() || applied.rule.column().equals(column)) {
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
                    ? "the result has no column '" + rule.column() + "'" : reason(rule, column);
            if (reason != null) {
                found.add(OptionProblem.warning(field + "." + i, reason + "; the rule is ignored"));
            }
        }
        return found;
    }

    /** Why a rule cannot be applied to {@code column} (null: unknown, not checked), or null when it can. */
    private static String reason(CellColorRule rule, ResultColumn column) {
        if (rule.column() == null || rule.column().isBlank()) {
            return "the rule names no column";
        }
        if (!CellColorRule.OPERATORS.contains(rule.op())) {
            return (rule.op() == null ? "no operator" : "'" + rule.op() + "' is not an operator") + " (one of "
                    + String.join(" ", CellColorRule.OPERATORS) + ")";
        }
        if (rule.takesValue() && (rule.value() == null || String.valueOf(rule.value()).isBlank())) {
            return "'" + rule.op() + "' needs a value to compare with";
        }
        if (rule.range() && column != null && !column.numeric()) {
            return "'range' colours numbers, and column '" + column.name() + "' holds none";
        }
        if (rule.range() && rule.minColor() != null && Rgb.parse(rule.minColor()) == null) {
            return "'" + rule.minColor() + "' is not a colour (#rrggbb)";
        }
        if (column != null && column.numeric() && rule.comparesNumbers() && number(rule.value()) == null) {
            return "'" + rule.value() + "' is not a number, and column '" + column.name() + "' holds numbers";
        }
        if (Rgb.parse(rule.color()) == null) {
            return (rule.color() == null ? "no colour" : "'" + rule.color() + "' is not a colour") + " (#rrggbb)";
        }
        return null;
    }

    /** A number read from a cell or a saved value, or null (not a number, or not a finite one). */
    static BigDecimal number(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A rule ready to match: its number or lower-cased text read once, its paint decided once (a range's ends). */
    private static final class Applied {

        private final CellColorRule rule;
        private final BigDecimal number;
        private final String text;
        private final Rgb background;
        private final CellColor paint;
        private final Rgb from;
        private final BigDecimal min;
        private final BigDecimal max;

        Applied(CellColorRule rule, boolean numeric, BigDecimal min, BigDecimal max) {
            this.rule = rule;
            this.number = numeric && !rule.range() ? number(rule.value()) : null;
            this.text = rule.value() == null ? null : String.valueOf(rule.value()).strip();
            this.background = Rgb.parse(rule.color());
            this.paint = new CellColor(background.hex(), HslScale.textOn(background).hex());
            this.from = Rgb.parse(rule.minColor() == null ? CellColorRule.RANGE_FROM : rule.minColor());
            this.min = min;
            this.max = max;
        }

        /** The cell's paint when the rule matches its row, else null. */
        CellColor paint(Map<String, Object> row) {
            if (!rule.range()) {
                return matches(row) ? paint : null;
            }
            BigDecimal value = number(row.get(rule.column()));
            if (value == null) {
                return null;
            }
            double span = max.subtract(min).doubleValue();
            double f = span == 0 ? 1 : Math.max(0, Math.min(1, value.subtract(min).doubleValue() / span));
            Rgb blended = new Rgb(blend(from.red(), background.red(), f), blend(from.green(), background.green(), f),
                    blend(from.blue(), background.blue(), f));
            return new CellColor(blended.hex(), HslScale.textOn(blended).hex());
        }

        private static int blend(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }

        private boolean matches(Map<String, Object> row) {
            Object cell = row.get(rule.column());
            boolean blank = cell == null || cell instanceof String s && s.isBlank();
            if ("empty".equals(rule.op()) || "notEmpty".equals(rule.op())) {
                return blank == "empty".equals(rule.op());
            }
            if (blank) {
                return false;
            }
            if ("contains".equals(rule.op())) {
                return String.valueOf(cell).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
            }
            int c;
            if (number != null) {
                BigDecimal value = number(cell);
                if (value == null) {
                    return false;
                }
                c = value.compareTo(number);
            } else {
                c = String.valueOf(cell).strip().compareToIgnoreCase(text);
            }
            return switch (rule.op()) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "=" -> c == 0;
                default -> c != 0;
            };
        }
    }
}
