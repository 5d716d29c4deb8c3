package io.sightline.common.visualization;

/**
 * Something wrong with saved options.
 *
 * @param field the key's path from the options object, e.g. {@code options.columnMapping.region}
 */
public record OptionProblem(Severity severity, String field, String message) {

    public enum Severity {
        /** the value cannot be read at all (wrong JSON kind): saving it would lose the visualization */
        ERROR,
        /** drawable, but not as meant (a column the result does not have): shown in the editor, never refused */
        WARNING
    }

    static OptionProblem error(String field, String message) {
        return new OptionProblem(Severity.ERROR, field, message);
    }

    static OptionProblem warning(String field, String message) {
        return new OptionProblem(Severity.WARNING, field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
