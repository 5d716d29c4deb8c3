package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Redash's result column types. */
public enum ColumnType {
    INTEGER, FLOAT, BOOLEAN, STRING, DATETIME, DATE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ColumnType fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
