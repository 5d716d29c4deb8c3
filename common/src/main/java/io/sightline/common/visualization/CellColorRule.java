package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
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

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
