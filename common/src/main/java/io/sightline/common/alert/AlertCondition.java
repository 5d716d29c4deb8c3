package io.sightline.common.alert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Shared by the server (evaluation after every run) and the desktop (the editor's preview). Redash's {@code Alert.evaluate} and {@code next_state}: the value (the first row's, or the minimum or maximum of
 * the column) against the threshold. Numbers compare as numbers; other values as texts, where only equality and
 * inequality can say "ok" (an ordering that does not hold is "unknown"); booleans as {@code true}/{@code false}.
 */
public final class AlertCondition {

    public static final String UNKNOWN = "unknown";
    public static final String OK = "ok";
    public static final String TRIGGERED = "triggered";
    private static final java.util.regex.Pattern PYTHON_FLOAT = java.util.regex.Pattern.compile(
            "(?i)[+-]?((\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?|inf|infinity|nan)");

    /** @param value what was compared (null when there was nothing to compare) */
    public record Evaluation(String state, Object value) {
    }

    private AlertCondition() {
    }

    /**
     * @param selector {@code first}, {@code min} or {@code max}
     * @param columns the result's column names; rows hold values in that order
     */
    public static Evaluation evaluate(String column, String op, Object threshold, String selector,
                                      List<String> columns, List<Object[]> rows) {
        int index = columns.indexOf(column);
        if (rows.isEmpty() || index < 0) {
            return new Evaluation(UNKNOWN, null);
        }
        Object value;
        switch (selector) {
            case "min", "max" -> {
                Double extreme = null;
                for (Object[] row : rows) {
                    if (row[index] == null) {
                        continue;
                    }
                    Double number = number(row[index]);
                    if (number == null) {
                        return new Evaluation(UNKNOWN, null); // Redash: a value that is not a number
                    }
                    if (extreme == null || ("max".equals(selector) ? number > extreme : number < extreme)) {
                        extreme = number;
                    }
                }
                value = extreme;
            }
            default -> value = rows.get(0)[index];
        }
        if (value == null) {
            return new Evaluation(UNKNOWN, null);
        }
        return new Evaluation(nextState(op, value, threshold), value);
    }

    public static String nextState(String op, Object value, Object threshold) {
        if (value instanceof Boolean b) {
            return compareTexts(op, b.toString(), text(threshold));
        }
        Double number = number(value);
        if (number == null) {
            return compareTexts(op, value.toString(), text(threshold));
        }
        Double limit = number(threshold);
        if (limit == null) {
            return UNKNOWN;
        }
        int c = Double.compare(number, limit);
        return holds(op, c) ? TRIGGERED : OK;
    }

    private static String compareTexts(String op, String value, String threshold) {
        if (holds(op, value.compareTo(threshold))) {
            return TRIGGERED;
        }
        return List.of("==", "!=", "equals").contains(op) ? OK : UNKNOWN;
    }

    private static boolean holds(String op, int comparison) {
        return switch (op) {
            case ">", "greater than" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "<", "less than" -> comparison < 0;
            case "<=" -> comparison <= 0;
            case "==", "equals" -> comparison == 0;
            case "!=" -> comparison != 0;
            default -> false;
        };
    }

    /** A number, or a text Python's {@code float()} would read as one; else null. */
    public static Double number(Object value) {
        if (value instanceof Number n) {
            return n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
        }
        if (value instanceof String s && PYTHON_FLOAT.matcher(s.strip()).matches()) {
            String t = s.strip().toLowerCase(java.util.Locale.ROOT);
            return t.endsWith("nan") ? Double.NaN : t.contains("inf")
                    ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.parseDouble(t);
        }
        return null;
    }

    private static String text(Object threshold) {
        if (threshold instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return Objects.toString(threshold, "");
    }
}
