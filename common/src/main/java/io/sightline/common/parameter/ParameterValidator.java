package io.sightline.common.parameter;

import java.time.Clock;
import java.util.List;

/**
 * Checks one raw value (as JSON brings it: string, number, boolean, list or object) against its
 * declaration and returns it in canonical form. Used by the server before binding and by a form to
 * check a field as it is filled in.
 *
 * <ul>
 *   <li>text: any string; numbers and booleans become their text.
 *   <li>text-pattern: must match {@code regex} as a whole.
 *   <li>number: a JSON number or numeric text; plain decimal, no trailing zeros ("1e3" is "1000").
 *   <li>enum, query: one of the options; a list of them when the declaration is multi-value.
 *   <li>date, datetime-local, datetime-with-seconds: {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM},
 *       {@code YYYY-MM-DD HH:MM:SS} (a {@code T} may stand for the space), or {@code d_now} /
 *       {@code d_yesterday}.
 *   <li>ranges: {@code {"start": ..., "end": ...}} in the format of the single type, or a range token
 *       of {@link DynamicDates}.
 * </ul>
 * A missing value (null, blank text, an empty list) is a problem for every type.
 */
public final class ParameterValidator {

    private ParameterValidator() {
    }

    /** @throws ParameterException with the one problem of this value */
    public static ValidatedValue validate(
            ParameterDeclaration declaration, Object raw, Clock clock, QueryOptionsSource options) {
        try {
            if (ValueText.isMissing(raw)) {
                throw new InvalidValue("a value is required");
            }
            return check(declaration, raw, clock, options);
        } catch (InvalidValue | QueryOptionsSource.Unavailable e) {
            throw new ParameterException(declaration.name(), e.getMessage());
        }
    }

    private static ValidatedValue check(
            ParameterDeclaration declaration, Object raw, Clock clock, QueryOptionsSource options) {
        ParameterType type = declaration.type();
        return switch (type) {
            case TEXT -> new ValidatedValue.Single(ValueText.scalar(raw));
            case TEXT_PATTERN ->
                    new ValidatedValue.Single(PatternValue.matching(declaration.regex(), ValueText.scalar(raw)));
            case NUMBER -> new ValidatedValue.Single(NumberValue.canonical(raw));
            case ENUM -> ChoiceValue.choose(declaration, raw, declaration.enumOptions());
            case QUERY -> ChoiceValue.choose(declaration, raw, queryOptions(declaration, options));
            case DATE, DATETIME_LOCAL, DATETIME_WITH_SECONDS -> {
                TemporalFormat format = TemporalFormat.of(type);
                yield new ValidatedValue.Single(format.format(format.parse(ValueText.scalar(raw), clock)));
            }
            case DATE_RANGE, DATETIME_RANGE, DATETIME_RANGE_WITH_SECONDS ->
                    RangeValue.parse(TemporalFormat.of(type), raw, clock);
        };
    }

    private static List<String> queryOptions(ParameterDeclaration declaration, QueryOptionsSource options) {
        if (declaration.queryId() == null) {
            throw new InvalidValue("no query is chosen to list the options");
        }
        return options.options(declaration.queryId());
    }
}
