package io.sightline.common.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The colours and texts the desktop and the shared page both draw a choropleth and a marker map with. */
class ChoroplethShapeTest {

    private static final List<Map<String, String>> LAYER = List.of(
            Map.of("name", "Brazil", "iso_a3", "BRA"), Map.of("name", "Canada", "iso_a3", "CAN"),
            Map.of("name", "United States", "iso_a3", "USA"), Map.of("name", "Australia", "iso_a3", "AUS"));
    private static final ResultData REVENUE = new ResultData(
            List.of(new ResultColumn("country", "string"), new ResultColumn("revenue", "float")),
            List.of(Map.of("country", "BRA", "revenue", 100.0), Map.of("country", "CAN", "revenue", 900.0),
                    Map.of("country", "USA", "revenue", "500 USD"), Map.of("country", "XXX", "revenue", 1.0)));

    @Test
    void fillsEachRegionWithItsClassAndLeavesTheRestToTheTheme() {
        ChoroplethShape shape = ChoroplethShape.of(new ChoroplethOptions(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue", "valueFormat", "$0,0")), REVENUE, LAYER,
                List.of("name", "iso_a3"));

        assertThat(shape.regions()).extracting(r -> r.color() == null ? null : r.color().hex())
                .containsExactly("#799cff", "#002fb4", "#3d66da", null);
        assertThat(shape.text(shape.regions().get(2))).isEqualTo("$500");
        assertThat(shape.text(shape.regions().get(3))).as("Redash's placeholder").isEqualTo("N/A");
        assertThat(shape.tooltip(shape.regions().get(0))).isEqualTo("Brazil: $100");
        assertThat(shape.noValue()).as("the renderer's theme unless saved").isNull();
        assertThat(shape.problems()).singleElement().asString().contains("1 of 4 keys match no country by iso_a3: XXX");
    }

    @Test
    void guessesTheTargetFieldAndReadsSavedColours() {
        ChoroplethShape shape = ChoroplethShape.of(new ChoroplethOptions(Map.of("countryCodeColumn", "country",
                "valueColumn", "revenue", "colors", Map.of("min", "#fff", "max", "rgb(255, 0, 0)", "noValue", "#123456"))),
                REVENUE, LAYER, List.of("name", "iso_a3"));

        assertThat(shape.targetField()).isEqualTo("iso_a3");
        assertThat(shape.regions().get(1).color()).isEqualTo(new Rgb(255, 0, 0));
        assertThat(shape.regions().get(0).color()).isEqualTo(new Rgb(255, 255, 255));
        assertThat(shape.noValue().hex()).isEqualTo("#123456");
    }

    @Test
    void markersKeepValidRowsAndColourTheirGroups() {
        ResultData stores = new ResultData(List.of(new ResultColumn("lat", "float"), new ResultColumn("lon", "float"),
                new ResultColumn("kind", "string")), List.of(Map.of("lat", 52.5, "lon", 13.4, "kind", "outlet"),
                Map.of("lat", 95.0, "lon", 0.0, "kind", "outlet"), Map.of("lat", 48.9, "lon", 2.35, "kind", "flagship")));
        MarkerLayer layer = MarkerLayer.of(new MapOptions(Map.of("classify", "kind",
                "groups", Map.of("flagship", Map.of("color", "#000000")),
                "tooltip", Map.of("enabled", true, "template", "<b>{{ kind }}</b>"))), stores);

        assertThat(layer.markers()).extracting(MarkerLayer.Marker::row).containsExactly(0, 2);
        assertThat(layer.groups()).containsExactly("outlet", "flagship");
        assertThat(layer.groupColors()).containsExactly(MarkerLayer.CATEGORY10.get(0), new Rgb(0, 0, 0));
        assertThat(layer.problems()).singleElement().asString().startsWith("1 of 3 rows have no valid lat/lon");
        assertThat(layer.tooltip(layer.markers().get(1))).isEqualTo("flagship");
    }

    @Test
    void readsTheColoursPickersSave() {
        assertThat(Rgb.parse("#ABC")).isEqualTo(new Rgb(0xaa, 0xbb, 0xcc));
        assertThat(Rgb.parse("#002FB4ff").hex()).isEqualTo("#002fb4");
        assertThat(Rgb.parse("rgba(1, 2, 3, 0.5)")).isEqualTo(new Rgb(1, 2, 3));
        assertThat(Rgb.parse("not a colour")).isNull();
        assertThat(Rgb.parse("rgb(300, 0, 0)")).isNull();
    }
}
