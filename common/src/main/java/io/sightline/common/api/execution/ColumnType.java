package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Redash's result column types, and four more for values Redash would flatten into text: {@code time} (a time
 * of day or, on MariaDB, a signed duration up to 838 hours, as text), {@code interval} (an ISO-8601 duration
 * such as {@code P1Y2M3DT4H5M6.5S}), {@code json} and {@code array} (nested JSON values, not strings).
 */
public enum ColumnType {
    INTEGER, FLOAT, BOOLEAN, STRING, DATETIME, DATE, TIME, INTERVAL, JSON, ARRAY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ColumnType fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
