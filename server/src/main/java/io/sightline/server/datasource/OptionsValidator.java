package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.server.system.ApiException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks options a client sent against a type's schema and returns them normalised (numbers as {@code Long},
 * empty values dropped). Each failure is a 400 naming the option.
 */
final class OptionsValidator {

    private OptionsValidator() {
    }

    /**
     * @param stored the data source's current (decrypted) options of the same type: a secret sent back masked
     *               keeps its value from here; empty when creating. Only asked for when a masked value is
     *               sent, so that re-entering every secret works even when the stored ones cannot be decrypted.
     */
    static Map<String, Object> validate(ConnectorType type, List<OptionField> fields, Map<String, Object> given,
                                        Supplier<Map<String, Object>> stored) {
        Map<String, OptionField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        Map<String, Object> result = new LinkedHashMap<>();
        for (var entry : (given == null ? Map.<String, Object>of() : given).entrySet()) {
            OptionField field = byName.get(entry.getKey());
            if (field == null) {
                throw ApiException.badRequest("Unknown option '" + entry.getKey() + "' for " + type.name()
                        + "; known options: " + String.join(", ", byName.keySet()));
            }
            Object value = entry.getValue();
            if (value == null || "".equals(value)) {
                continue;
            }
            if (field.secret() && DataSourceDetail.MASK.equals(value)) {
                value = stored.get().get(field.name());
                if (value == null) {
                    throw ApiException.badRequest("Option '" + field.name() + "' is sent masked ('"
                            + DataSourceDetail.MASK + "') but there is no stored value to keep: send the value itself");
                }
            }
            result.put(field.name(), checked(field, value));
        }
        for (OptionField field : fields) {
            if (field.required() && !result.containsKey(field.name())) {
                throw ApiException.badRequest("Option '" + field.name() + "' is required for " + type.name());
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        fields.stream().filter(f -> result.containsKey(f.name())).forEach(f -> ordered.put(f.name(), result.get(f.name())));
        type.check(new DataSourceOptions(ordered, fields));
        return ordered;
    }

    private static Object checked(OptionField field, Object value) {
        return switch (field.kind()) {
            case STRING -> {
                if (!(value instanceof String)) {
                    throw wrongType(field, "a string");
                }
                yield value;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw wrongType(field, "true or false");
                }
                yield value;
            }
            case NUMBER -> inRange(field, wholeNumber(field, value));
        };
    }

    private static long wholeNumber(OptionField field, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
                return new BigDecimal(value.toString()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw wrongType(field, "a whole number");
        }
        throw wrongType(field, "a whole number");
    }

    private static long inRange(OptionField field, long value) {
        if ((field.minimum() != null && value < field.minimum()) || (field.maximum() != null && value > field.maximum())) {
            throw ApiException.badRequest("Option '" + field.name() + "' must be between " + field.minimum()
                    + " and " + field.maximum() + ", not " + value);
        }
        return value;
    }

    private static ApiException wrongType(OptionField field, String what) {
        return ApiException.badRequest("Option '" + field.name() + "' must be " + what);
    }
}
