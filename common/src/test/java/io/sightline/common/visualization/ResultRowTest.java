package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultRowTest {

    private static Map<String, Object> asLinkedHashMap(List<String> names, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(names.get(i), values[i]);
        }
        return row;
    }

    @Test
    void readsAsTheLinkedHashMapARowUsedToBe() {
        List<String> names = List.of("day", "region", "revenue", "note");
        Object[] values = {"2024-03-05", "EMEA", 12.5, null};
        ResultRow row = ResultRow.Shape.of(names).row(values);
        Map<String, Object> before = asLinkedHashMap(names, values);

        assertThat(row).isEqualTo(before);
        assertThat(before).isEqualTo(row);
        assertThat(row.hashCode()).isEqualTo(before.hashCode());
        assertThat(new ArrayList<>(row.keySet())).containsExactly("day", "region", "revenue", "note");
        assertThat(new ArrayList<>(row.values())).containsExactly("2024-03-05", "EMEA", 12.5, null);
        assertThat(row.get("revenue")).isEqualTo(12.5);
        assertThat(row.get("note")).isNull();
        assertThat(row.containsKey("note")).as("a null cell is still a column").isTrue();
        assertThat(row.get("missing")).isNull();
        assertThat(row.containsKey("missing")).isFalse();
        assertThat(row).hasSize(4);
        assertThat(row.toString()).isEqualTo(before.toString());
    }

    @Test
    void twoColumnsOfOneNameAreOneKeyAtTheFirstPlaceWithTheLastValueAsInALinkedHashMap() {
        List<String> names = List.of("n", "label", "n");
        Object[] values = {1, "a", 2};
        ResultRow row = ResultRow.Shape.of(names).row(values);

        assertThat(row).isEqualTo(asLinkedHashMap(names, values));
        assertThat(new ArrayList<>(row.entrySet()).toString()).isEqualTo("[n=2, label=a]");
    }

    @Test
    void rowsOfOneResultShareTheirShapeAndKeepTheirOwnValues() {
        ResultRow.Shape shape = ResultRow.Shape.of(List.of("x", "y"));
        ResultRow first = shape.row(new Object[] {1, 2.0});
        ResultRow second = shape.row(new Object[] {3, 4.0});

        assertThat(first).containsEntry("x", 1).containsEntry("y", 2.0);
        assertThat(second).containsEntry("x", 3).containsEntry("y", 4.0);
        assertThat(Arrays.asList(first.get("x"), second.get("x"))).containsExactly(1, 3);
    }

    @Test
    void isReadOnly() {
        ResultRow row = ResultRow.Shape.of(List.of("x")).row(new Object[] {1});
        assertThatThrownBy(() -> row.put("x", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.remove("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(row.get("x")).isEqualTo(1);
    }
}
