package io.sightline.server.system;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Turns Jackson's parse and binding failures into one line a user can act on. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
            return "field '" + fieldPath(binding) + "': " + binding.getOriginalMessage();
        }
        if (cause instanceof JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return e.getMessage() == null || e.getMessage().startsWith("Required request body")
                ? "a JSON body is required" : cause.getMessage();
    }

    private static String fieldPath(DatabindException binding) {
        StringBuilder path = new StringBuilder();
        for (var reference : binding.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
