package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ParameterTypeTest {

    @ParameterizedTest
    @CsvSource({
        "text,                        TEXT,                        false, false",
        "text-pattern,                TEXT_PATTERN,                false, true",
        "number,                      NUMBER,                      false, true",
        "enum,                        ENUM,                        false, true",
        "query,                       QUERY,                       false, true",
        "date,                        DATE,                        false, true",
        "datetime-local,              DATETIME_LOCAL,              false, true",
        "datetime-with-seconds,       DATETIME_WITH_SECONDS,       false, true",
        "date-range,                  DATE_RANGE,                  true,  true",
        "datetime-range,              DATETIME_RANGE,              true,  true",
        "datetime-range-with-seconds, DATETIME_RANGE_WITH_SECONDS, true,  true",
    })
    void knowsWireNameRangeAndSafety(String wire, ParameterType type, boolean range, boolean safe) {
        assertThat(ParameterType.fromWire(wire)).isEqualTo(type);
        assertThat(type.wireName()).isEqualTo(wire);
        assertThat(type.isRange()).isEqualTo(range);
        assertThat(type.isSafe()).isEqualTo(safe);
    }

    @ParameterizedTest
    @EnumSource(ParameterType.class)
    void readsBackItsOwnWireName(ParameterType type) {
        assertThat(ParameterType.fromWire(type.wireName())).isSameAs(type);
    }

    @Test
    void rejectsUnknownWireNameListingValidTypes() {
        assertThatThrownBy(() -> ParameterType.fromWire("Date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameter type \"Date\"; valid types are: text, text-pattern, number, enum, query,"
                        + " date, datetime-local, datetime-with-seconds, date-range, datetime-range,"
                        + " datetime-range-with-seconds");
    }

    @Test
    void rejectsMissingWireName() {
        assertThatThrownBy(() -> ParameterType.fromWire(null)).hasMessageStartingWith("Unknown parameter type null;");
    }
}
