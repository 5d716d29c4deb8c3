package io.sightline.common.parameter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of query parameter Redash knows, each with the name it has in JSON. */
public enum ParameterType {
    TEXT("text"),
    TEXT_PATTERN("text-pattern"),
    NUMBER("number"),
    ENUM("enum"),
    QUERY("query"),
    DATE("date"),
    DATETIME_LOCAL("datetime-local"),
    DATETIME_WITH_SECONDS("datetime-with-seconds"),
    DATE_RANGE("date-range"),
    DATETIME_RANGE("datetime-range"),
    DATETIME_RANGE_WITH_SECONDS("datetime-range-with-seconds");

    private final String wireName;

    ParameterType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the valid types when {@code wireName} is none of them */
    @JsonCreator
    public static ParameterType fromWire(String wireName) {
        for (ParameterType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        String valid = Arrays.stream(values()).map(ParameterType::wireName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown parameter type " + (wireName == null ? "null" : "\"" + wireName + "\"")
                        + "; valid types are: " + valid);
    }

    /** A range has a start and an end: {@code {{ name.start }}}, {@code {{ name.end }}}. */
    public boolean isRange() {
        return this == DATE_RANGE || this == DATETIME_RANGE || this == DATETIME_RANGE_WITH_SECONDS;
    }

    /**
     * Whether any value a viewer may pick is harmless: every type but free {@link #TEXT} is checked
     * against a format, a pattern or a list of options before it reaches the SQL.
     */
    public boolean isSafe() {
        return this != TEXT;
    }
}
