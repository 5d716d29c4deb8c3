package io.sightline.common.parameter;

import java.util.List;
import java.util.stream.Collectors;

/** Enum and query parameters: every value must be one of the options. */
final class ChoiceValue {

    private static final int OPTIONS_SHOWN = 10;

    private ChoiceValue() {
    }

    static ValidatedValue choose(ParameterDeclaration declaration, Object raw, List<String> options) {
        if (!declaration.isMultiValue()) {
            String value = ValueText.scalar(raw);
            if (!options.contains(value)) {
                throw new InvalidValue(ValueText.quote(value) + " is not one of the options " + describe(options));
            }
            return new ValidatedValue.Single(value);
        }
        List<?> items = raw instanceof List<?> list ? list : List.of(raw);
        List<String> values = items.stream().map(ValueText::scalar).toList();
        List<String> unknown = values.stream().filter(value -> !options.contains(value)).distinct().toList();
        if (unknown.size() == 1) {
            throw new InvalidValue(ValueText.quote(unknown.get(0)) + " is not one of the options " + describe(options));
        }
        if (!unknown.isEmpty()) {
            String quoted = unknown.stream().map(ValueText::quote).collect(Collectors.joining(", "));
            throw new InvalidValue(quoted + " are not among the options " + describe(options));
        }
        return new ValidatedValue.Multi(values);
    }

    private static String describe(List<String> options) {
        if (options.isEmpty()) {
            return "(there are none)";
        }
        String shown = options.stream().limit(OPTIONS_SHOWN).collect(Collectors.joining(", "));
        int more = options.size() - OPTIONS_SHOWN;
        return "(" + shown + (more > 0 ? " and " + more + " more" : "") + ")";
    }
}
