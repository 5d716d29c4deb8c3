package io.sightline.common.visualization;

import java.util.List;
import java.util.Map;

/**
 * What a counter shows, as Redash's counter computes it.
 *
 * @param value the value (null when the cell is not a number: then {@code text} is the cell as text)
 * @param target the target, or null
 * @param trend UP when the value is above the target, DOWN below, NONE without a target or when equal
 */
public record CounterValue(Double value, Double target, Trend trend, String text, String targetText) {

    public enum Trend { UP, DOWN, NONE }

    public static CounterValue of(List<Map<String, Object>> rows, CounterOptions options) {
        Object cell;
        if (options.countRow()) {
            cell = rows.size();
        } else {
            cell = cell(rows, options.rowNumber(), options.counterColName());
        }
        String targetColumn = options.targetColName();
        Object targetCell = targetColumn == null || targetColumn.isBlank() ? null
                : cell(rows, options.targetRowNumber(), targetColumn);
        Double value = ChartValues.number(cell);
        Double target = ChartValues.number(targetCell);
        Trend trend = value == null || target == null || value.equals(target) ? Trend.NONE
                : value > target ? Trend.UP : Trend.DOWN;
        String text = value == null ? (cell == null ? "" : String.valueOf(cell)) : format(value, options);
        String targetText = target == null ? null
                : options.bool("formatTargetValue") ? format(target, options) : NumberFormat.format(target, "0[.]00[0]");
        return new CounterValue(value, target, trend, text, targetText);
    }

    /** Redash's row number: 1-based, 0 the first row, negative from the end; out of range wraps around. */
    static int rowIndex(int rowNumber, int rowCount) {
        if (rowNumber == 0 || rowCount == 0) {
            return 0;
        }
        int wrapped = (Math.abs(rowNumber) - 1) % rowCount;
        return rowNumber > 0 ? wrapped : rowCount - wrapped - 1;
    }

    private static Object cell(List<Map<String, Object>> rows, int rowNumber, String column) {
        if (rows.isEmpty()) {
            return null;
        }
        return rows.get(rowIndex(rowNumber, rows.size())).get(column);
    }

    /** {@code stringDecimal} decimals, {@code stringDecChar} and {@code stringThouSep}, prefix and suffix. */
    static String format(double value, CounterOptions options) {
        int decimals = Math.max(0, Math.min(20, (int) options.number("stringDecimal", 0)));
        String digits = NumberFormat.digits(value, decimals, decimals, true);
        String decimalChar = options.string("stringDecChar");
        String thousands = options.string("stringThouSep");
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c == ',' ? thousands : c == '.' ? decimalChar : String.valueOf(c));
        }
        String prefix = options.string("stringPrefix");
        String suffix = options.string("stringSuffix");
        return (prefix == null ? "" : prefix) + out + (suffix == null ? "" : suffix);
    }
}
