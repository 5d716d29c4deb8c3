package io.sightline.common.visualization.flow;

import java.math.BigDecimal;

/** Result cells read as Redash's JavaScript reads them: truthiness, {@code parseFloat} coercion, {@code "" + x}. */
final class JsCells {

    private JsCells() {
    }

    /** A text cell that is a number becomes that number (Redash's sankey {@code prepareDataRows}); else unchanged. */
    static Object coerce(Object cell) {
        if (cell instanceof String s && !s.isEmpty()) {
            try {
                double number = Double.parseDouble(s.strip());
                return Double.isNaN(number) ? s : number;
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return cell;
    }

    /** JavaScript's falsy values as a result carries them: null, "", 0, NaN, false. */
    static boolean falsy(Object cell) {
        return cell == null || "".equals(cell) || Boolean.FALSE.equals(cell)
                || cell instanceof Number n && (n.doubleValue() == 0 || Double.isNaN(n.doubleValue()));
    }

    /** {@code "" + cell}: whole numbers without a decimal point, as JavaScript writes them. */
    static String text(Object cell) {
        if (cell instanceof Number n && !(cell instanceof BigDecimal)) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        if (cell instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(cell);
    }

    /** {@code parseInt(cell || 0, 10)}: the number cut to a whole one; 0 for what is not a number. */
    static long integer(Object cell) {
        Object value = coerce(cell);
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return (long) n.doubleValue();
        }
        return 0;
    }
}
