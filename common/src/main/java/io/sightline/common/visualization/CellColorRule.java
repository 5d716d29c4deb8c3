package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of a table's conditional colours (Sightline's {@code options.sightline.cellColors}, one array entry):
 * when the cell of {@code column} compares to {@code value} as {@code op} says, it is painted {@code color}, and
 * with {@code highlightRow} the whole row is. {@code range} is a colour scale over a numeric column instead: every
 * cell with a number, from {@code minColor} at the column's smallest to {@code color} at its largest.
 *
 * @param op       one of {@link #OPERATORS}; {@code empty}, {@code notEmpty} and {@code range} take no value
 * @param value    what the cell is compared with, as saved (a number or a text), or null
 * @param color    as saved; only a colour {@link Rgb#parse} reads paints anything
 * @param minColor {@code range}'s colour of the smallest value (null: white)
 * @param saved the rule's JSON as saved, unknown keys included (written back as they are)
 */
public record CellColorRule(String column, String op, Object value, String color, String minColor,
                            boolean highlightRow, Map<String, Object> saved) {

    public static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "=", "!=", "contains", "empty",
            "notEmpty", "range");
    /** {@code range}'s colour of the smallest value when none is saved. */
    public static final String RANGE_FROM = "#ffffff";

    /** A rule read from its JSON object; keys of the wrong kind read as absent. */
    static CellColorRule of(Map<String, Object> saved) {
        return new CellColorRule(text(saved.get("column")), text(saved.get("op")), saved.get("value"),
                text(saved.get("color")), text(saved.get("minColor")), Boolean.TRUE.equals(saved.get("highlightRow")),
                saved);
    }

    /** A new rule, as the editor writes it. */
    public static CellColorRule of(String column, String op, Object value, String color, boolean highlightRow) {
        return new CellColorRule(column, op, value, color, null, highlightRow, Map.of());
    }

    /** The rule's JSON: what was saved with this rule's keys over it ({@code value} left out when it takes none). */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>(saved);
        out.put("column", column);
        out.put("op", op);
        if (takesValue()) {
            out.put("value", value);
        } else {
            out.remove("value");
        }
        out.put("color", color);
        if (range() && minColor != null) {
            out.put("minColor", minColor);
        } else {
            out.remove("minColor");
        }
        out.put("highlightRow", highlightRow);
        return out;
    }

    /** Whether the operator compares with a value ({@code empty}, {@code notEmpty} and {@code range} do not). */
    public boolean takesValue() {
        return !"empty".equals(op) && !"notEmpty".equals(op) && !range();
    }

    /** Whether this is a colour scale over the column rather than a condition. */
    public boolean range() {
        return "range".equals(op);
    }

    /** Whether the operator orders or equates numbers on a numeric column ({@code contains} reads the text). */
    boolean comparesNumbers() {
        return takesValue() && !"contains".equals(op);
    }

    /** Why the rule cannot be applied to {@code result}'s column (null: unknown, not checked), or null when it can. */
    String problem(ResultColumn result) {
        if (column == null || column.isBlank()) {
            return "the rule names no column";
        }
        if (!OPERATORS.contains(op())) {
            return (op() == null ? "no operator" : "'" + op() + "' is not an operator") + " (one of "
                    + String.join(" ", OPERATORS) + ")";
        }
        if (takesValue() && (value() == null || String.valueOf(value()).isBlank())) {
            return "'" + op() + "' needs a value to compare with";
        }
        if (range() && result != null && result.type() != null && !result.numeric()) { // an unknown type is not checked
            return "'range' colours numbers, and column '" + result.name() + "' holds none";
        }
        if (range() && minColor() != null && Rgb.parse(minColor()) == null) {
            return "'" + minColor() + "' is not a colour (#rrggbb)";
        }
        if (result != null && result.numeric() && comparesNumbers() && number(value()) == null) {
            return "'" + value() + "' is not a number, and column '" + result.name() + "' holds numbers";
        }
        if (Rgb.parse(color()) == null) {
            return (color() == null ? "no colour" : "'" + color() + "' is not a colour") + " (#rrggbb)";
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

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
