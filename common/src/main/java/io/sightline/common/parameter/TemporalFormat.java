package io.sightline.common.parameter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The three shapes of date values: what is accepted and the canonical text. Years have exactly four digits,
 * so canonical texts also sort as their dates do.
 */
enum TemporalFormat {
    DATE("a date", "YYYY-MM-DD", "\\d{4}-\\d{2}-\\d{2}", "uuuu-MM-dd"),
    MINUTES("a date and time", "YYYY-MM-DD HH:MM", "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}", "uuuu-MM-dd HH:mm"),
    SECONDS("a date and time", "YYYY-MM-DD HH:MM:SS", "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}",
            "uuuu-MM-dd HH:mm:ss");

    private final String what;
    private final String expected;
    private final Pattern shape;
    private final DateTimeFormatter formatter;

    TemporalFormat(String what, String expected, String shape, String pattern) {
        this.what = what;
        this.expected = expected;
        this.shape = Pattern.compile(shape);
        this.formatter = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The format of a single date type, or of each end of a range type. */
    static TemporalFormat of(ParameterType type) {
        return switch (type) {
            case DATE, DATE_RANGE -> DATE;
            case DATETIME_LOCAL, DATETIME_RANGE -> MINUTES;
            case DATETIME_WITH_SECONDS, DATETIME_RANGE_WITH_SECONDS -> SECONDS;
            default -> throw new IllegalArgumentException(type + " is not a date type");
        };
    }

    /** "a date", "a date and time": for messages. */
    String what() {
        return what;
    }

    /** Parses the accepted forms or a {@link DynamicDates} single-date token. */
    LocalDateTime parse(String raw, Clock clock) {
        String text = raw.strip();
        Optional<LocalDateTime> dynamic = this == DATE
                ? DynamicDates.resolveDate(text, clock).map(LocalDate::atStartOfDay)
                : DynamicDates.resolveDateTime(text, clock);
        if (dynamic.isPresent()) {
            return dynamic.get();
        }
        if (shape.matcher(text).matches()) {
            try {
                String spaced = text.replace('T', ' ');
                return this == DATE
                        ? LocalDate.parse(spaced, formatter).atStartOfDay()
                        : LocalDateTime.parse(spaced, formatter);
            } catch (DateTimeParseException e) {
                // falls through: the shape is right but the date does not exist (2024-02-30)
            }
        }
        throw new InvalidValue(ValueText.quote(raw) + " is not " + what + " (expected " + expected + ")");
    }

    String format(LocalDateTime value) {
        return formatter.format(value);
    }
}
