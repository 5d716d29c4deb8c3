package io.sightline.common.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bubbles: markers sized by a numeric column under {@code options.sightline.bubble}. */
class MarkerLayerBubblesTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("lat", "float"),
            new ResultColumn("lon", "float"), new ResultColumn("store", "string"), new ResultColumn("revenue", "float"));

    @Test
    void aBubblesAreaFollowsItsValueAndTheLargestComesFirst() {
        MarkerLayer layer = MarkerLayer.of(bubbles("revenue", 40), result(
                row(10, 10, "a", 100.0), row(20, 20, "b", 400.0), row(30, 30, "c", 25.0)));

        assertThat(layer.bubbles()).isTrue();
        assertThat(layer.markers()).extracting(m -> m.values().get("store")).containsExactly("b", "a", "c");
        assertThat(layer.markers()).extracting(layer::radius).containsExactly(40.0, 20.0, 10.0);
        assertThat(layer.problems()).isEmpty();
        assertThat(layer.sizeLegend()).extracting(MarkerLayer.SizeStep::text).containsExactly("400", "100", "25");
        assertThat(layer.sizeLegend()).extracting(MarkerLayer.SizeStep::radius).containsExactly(40.0, 20.0, 10.0);
    }

    @Test
    void emptyNegativeAndTextSizesDrawNoBubbleAndAreCounted() {
        MarkerLayer layer = MarkerLayer.of(bubbles("revenue", null), result(row(10, 10, "a", 100.0),
                row(20, 20, "b", -5.0), row(30, 30, "c", null), row(40, 40, "d", "n/a"), row(50, 50, "e", 0.0)));

        assertThat(layer.markers()).extracting(m -> m.values().get("store")).containsExactly("a", "e");
        assertThat(layer.radius(layer.markers().get(0))).as("the default largest radius")
                .isEqualTo(MapOptions.DEFAULT_MAX_RADIUS);
        assertThat(layer.radius(layer.markers().get(1))).isZero();
        assertThat(layer.problems()).containsExactly("3 of 5 rows have no revenue of zero or more (empty, negative or"
                + " not a number) and draw no bubble.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "profit|The result has no column \"profit\" to size the bubbles by; markers are drawn instead.",
        "store|The bubbles' size column \"store\" is not numeric (string); markers are drawn instead."})
    void aSizeColumnMissingOrNotNumericIsANoteAndMarkersAreDrawn(String column, String note) {
        MarkerLayer layer = MarkerLayer.of(bubbles(column, 30), result(row(10, 10, "a", 100.0)));

        assertThat(layer.bubbles()).isFalse();
        assertThat(layer.markers()).hasSize(1);
        assertThat(layer.problems()).containsExactly(note);
    }

    @Test
    void aBubblesTooltipEndsWithItsValue() {
        Map<String, Object> options = bubbleOptions("revenue", 30);
        options.put("tooltip", Map.of("enabled", true, "template", "{{ store }}"));
        MarkerLayer layer = MarkerLayer.of(new MapOptions(options), result(row(10, 10, "a", 1234.5)));
        assertThat(layer.tooltip(layer.markers().get(0))).isEqualTo("a\nrevenue: 1,234.5");

        MarkerLayer plain = MarkerLayer.of(bubbles("revenue", 30), result(row(10, 10, "a", 7)));
        assertThat(plain.tooltip(plain.markers().get(0))).as("tooltips off: the value alone").isEqualTo("revenue: 7");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, 30", "12, 12", "'55', 55", "2, 4", "500, 100", "'big', 30"})
    void theLargestRadiusIsReadClamped(Object saved, double radius) {
        assertThat(bubbles("revenue", saved).maxRadius()).isCloseTo(radius, within(1e-9));
    }

    @Test
    void withoutABubbleKeyTheMarkersKeepTheirSizeUnsetAndUnknownKeysStay() {
        Map<String, Object> saved = new HashMap<>(Map.of("sightline", Map.of("bubble", Map.of("sizeColumn", " "),
                "future", 1)));
        MapOptions options = new MapOptions(saved);
        assertThat(options.sizeColumn()).isNull();
        assertThat(options.object("sightline")).containsKey("future");
        MarkerLayer layer = MarkerLayer.of(options, result(row(10, 10, "a", 1.0)));
        assertThat(layer.bubbles()).isFalse();
        assertThat(layer.markers().get(0).size()).isNaN();
    }

    private static MapOptions bubbles(String column, Object maxRadius) {
        return new MapOptions(bubbleOptions(column, maxRadius));
    }

    private static Map<String, Object> bubbleOptions(String column, Object maxRadius) {
        Map<String, Object> bubble = new LinkedHashMap<>();
        bubble.put("sizeColumn", column);
        bubble.put("maxRadius", maxRadius);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("sightline", Map.of("bubble", bubble));
        return options;
    }

    private static Map<String, Object> row(double lat, double lon, String store, Object revenue) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lat", lat);
        row.put("lon", lon);
        row.put("store", store);
        row.put("revenue", revenue);
        return row;
    }

    @SafeVarargs
    private static ResultData result(Map<String, Object>... rows) {
        return new ResultData(COLUMNS, new ArrayList<>(Arrays.asList(rows)));
    }
}
