package io.sightline.server.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns Jackson's parse and binding failures into one line a user can act on: the field by its JSON name, what it
 * must be in JSON words ("a whole number", "a string") and what was sent. Never a Java type: Jackson's own
 * messages name classes ({@code java.lang.Integer}, {@code RunController$AdHocRun}), which mean nothing to a client
 * and tell an attacker how the server is built.
 */
final class JsonErrors {

    static final String BODY_REQUIRED = "Malformed request body: a JSON body is required";
    static final String NOT_AN_OBJECT = "The body must be a JSON object";
    private static final int MAX_SHOWN_CHARS = 40;
    /** Whatever still looks like a Java type in a message: {@code `...`} quoting, or a dotted lower-case package. */
    /** Where in the body a parse error is; the client has no use for the source line Jackson quotes. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*]\\)|\\s*at \\[Source:[^\\]]*]");
    private static final Pattern JAVA_TYPE = Pattern.compile("`[^`]*`|\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*");

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (!(cause instanceof JacksonException jackson)) {
            return BODY_REQUIRED; // Spring's "Required request body is missing"
        }
        String field = fieldPath(jackson);
        if (jackson instanceof InputCoercionException range && range.getTargetType() != null && !field.isEmpty()) {
            return "'" + field + "' must be " + expected(range.getTargetType()) + " from " + smallest(range.getTargetType())
                    + " to " + largest(range.getTargetType()) + ", not a number that large";
        }
        if (jackson instanceof StreamReadException || jackson.getOriginalMessage().startsWith("No content to map")) {
            String text = jackson.getOriginalMessage().startsWith("No content") ? "a JSON body is required"
                    : scrub(jackson.getOriginalMessage());
            return "Malformed request body: " + (field.isEmpty() ? "" : "at '" + field + "': ") + text;
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (field.isEmpty()) {
                return expected.equals("a JSON object") ? NOT_AN_OBJECT : "The body must be " + expected;
            }
            return "'" + field + "' must be " + expected + ", not " + sent(mismatch);
        }
        return field.isEmpty() ? "Malformed request body: " + scrub(jackson.getOriginalMessage())
                : "'" + field + "' is not valid: " + scrub(jackson.getOriginalMessage());
    }

    /** The JSON name of the field, dotted, with array indexes: {@code options.parameters[0].name}. */
    static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the allowed names";
        }
        if (JsonNode.class.isAssignableFrom(type) || type == Object.class) {
            return "a JSON value";
        }
        return "a JSON object"; // a Map or a record: the body or a nested object
    }

    private static String smallest(Class<?> type) {
        return type == Integer.class || type == int.class ? String.valueOf(Integer.MIN_VALUE) : String.valueOf(Long.MIN_VALUE);
    }

    private static String largest(Class<?> type) {
        return type == Integer.class || type == int.class ? String.valueOf(Integer.MAX_VALUE) : String.valueOf(Long.MAX_VALUE);
    }

    /** What the client sent, shown briefly: the value when it is short, else its JSON kind. */
    private static String sent(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            if (shown.length() <= MAX_SHOWN_CHARS && !(value instanceof Map) && !(value instanceof Collection)) {
                return shown;
            }
        }
        JsonToken token = e.getCurrentToken();
        if (token == null) {
            return "what was sent";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a fractional number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> "what was sent";
        };
    }

    /** A message of Jackson's with anything naming a Java type replaced by "value". */
    static String scrub(String message) {
        return message == null ? "" : JAVA_TYPE.matcher(SOURCE.matcher(message).replaceAll("")).replaceAll("value");
    }
}
