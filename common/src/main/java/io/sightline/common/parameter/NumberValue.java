package io.sightline.common.parameter;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers: a JSON number or numeric text, written back as plain decimal text ("1e3" is "1000"). */
final class NumberValue {

    /** Beyond this, the plain text of a number (1e999999999) would be absurdly long. */
    private static final int MAX_SCALE = 1000;

    private NumberValue() {
    }

    static String canonical(Object raw) {
        BigDecimal number = raw instanceof Number n ? fromNumber(n) : fromText(ValueText.scalar(raw));
        BigDecimal stripped = number.stripTrailingZeros();
        if (Math.abs(stripped.scale()) > MAX_SCALE) {
            throw new InvalidValue(ValueText.quote(ValueText.plain(raw)) + " is out of range for a number");
        }
        return stripped.toPlainString();
    }

    private static BigDecimal fromNumber(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw new InvalidValue(ValueText.quote(number.toString()) + " is not a number");
            }
            // toString gives the shortest text that reads back as the same double: 0.1 stays 0.1
            return new BigDecimal(number.toString());
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        return fromText(number.toString());
    }

    private static BigDecimal fromText(String raw) {
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue(ValueText.quote(raw) + " is not a number");
        }
    }
}
