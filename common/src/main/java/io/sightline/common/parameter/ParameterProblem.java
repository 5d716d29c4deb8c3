package io.sightline.common.parameter;

import java.util.Objects;

/** What is wrong with one parameter, in words a user can act on. */
public record ParameterProblem(String parameter, String message) {

    public ParameterProblem {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }

    /** {@code Parameter 'start_date': "2024-13-01" is not a date (expected YYYY-MM-DD)}. */
    public String describe() {
        return "Parameter '" + parameter + "': " + message;
    }
}
