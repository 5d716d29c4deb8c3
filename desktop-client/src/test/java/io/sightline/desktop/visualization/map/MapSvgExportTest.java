package io.sightline.desktop.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.SvgExport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A map saved as SVG is its countries, pins and clusters as vectors, where they are on screen, not a picture. */
class MapSvgExportTest {

    private static final Pattern ELLIPSE = Pattern.compile(
            "<ellipse cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\" rx=\"[-\\d.]+\" ry=\"[-\\d.]+\" fill=\"(#[0-9a-f]{6})\"");

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aChoroplethsCountriesAreVectorPathsInTheirClassColours() throws Exception {
        ResultData revenue = MapFx.result(List.of(new ResultColumn("country", "string"),
                new ResultColumn("revenue", "float")), new Object[] {"BRA", 100.0}, new Object[] {"CAN", 900.0},
                new Object[] {"USA", 500.0});
        MapView view = MapFx.show(() -> ChoroplethMap.render(new ChoroplethOptions(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), revenue));
        String svg = MapFx.fx(() -> SvgExport.svg(view));

        assertThat(svg).as("no picture of the canvas").doesNotContain("<image");
        assertThat(svg).contains("fill=\"#799cff\"").as("Brazil, the lowest").contains("fill=\"#002fb4\"");
        assertThat(count(svg, "<path d=\"M")).as("a path per country and its border").isGreaterThan(150);
        assertThat(svg).contains("clip-path=\"url(#map-view-");
    }

    @Test
    void pinsAndClustersAreVectorsWhereTheyAreOnScreenWithTheirCounts() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"Berlin Store", "DEU", 52.52, 13.405});
        for (int i = 0; i < 12; i++) {
            rows.add(new Object[] {"Sydney " + i, "AUS", -33.8688 + i * 0.01, 151.2093});
        }
        Map<String, Object> saved = new HashMap<>(Map.of("latColName", "latitude", "lonColName", "longitude",
                "clusterMarkers", true));
        MapView view = MapFx.show(() -> MarkerMap.render(new MapOptions(saved), MapFx.result(MarkerMapTest.STORES,
                rows.toArray(Object[][]::new))));
        Point2D berlin = MapFx.at(view, 13.405, 52.52);
        String svg = MapFx.fx(() -> SvgExport.svg(view));

        assertThat(svg).doesNotContain("<image");
        assertThat(svg).as("Sydney's twelve stores as one cluster, its count as text").contains(">12</text>");
        String pin = MapFx.hex(MarkerMap.PIN);
        Matcher dot = ELLIPSE.matcher(svg);
        boolean pinDotAboveBerlin = false;
        while (dot.find()) {
            double x = Double.parseDouble(dot.group(1));
            double y = Double.parseDouble(dot.group(2));
            // the pin's white dot sits in its head, above the point: in view coordinates inside the translated group
            pinDotAboveBerlin |= Math.abs(x - berlin.getX()) < 1 && y < berlin.getY() && berlin.getY() - y < 40;
        }
        assertThat(pinDotAboveBerlin).as("Berlin's pin head above its point").isTrue();
        assertThat(svg).as("the pin's outline, its head an arc").containsPattern("<path d=\"M[^\"]*A[^\"]*\" fill=\""
                + pin + "\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
