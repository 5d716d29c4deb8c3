package io.sightline.desktop.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.ColumnType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellFormatTest {

    @Test
    void showsJsonAndArrayValuesAsJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("a", List.of(1, 2.5));
        document.put("b", null);
        assertThat(CellFormat.text(document, ColumnType.JSON)).isEqualTo("{\"a\":[1,2.5],\"b\":null}");
        assertThat(CellFormat.text(List.of(List.of("a", "b")), ColumnType.ARRAY)).isEqualTo("[[\"a\",\"b\"]]");
    }

    @Test
    void showsTimesIntervalsAndFarDatesAsSent() {
        assertThat(CellFormat.text("-838:59:59", ColumnType.TIME)).isEqualTo("-838:59:59");
        assertThat(CellFormat.text("P1Y2M3DT4H5M6.789S", ColumnType.INTERVAL)).isEqualTo("P1Y2M3DT4H5M6.789S");
        assertThat(CellFormat.text("infinity", ColumnType.DATETIME)).isEqualTo("infinity");
        assertThat(CellFormat.text("-0043-03-15T10:00:00", ColumnType.DATETIME)).isEqualTo("-0043-03-15 10:00:00");
        assertThat(CellFormat.rightAligned(ColumnType.INTERVAL)).isFalse();
    }

    @Test
    void readsTheNewColumnTypesFromTheWire() {
        for (String wire : List.of("time", "interval", "json", "array")) {
            assertThat(ColumnType.fromWire(wire).wireName()).isEqualTo(wire);
        }
    }
}
