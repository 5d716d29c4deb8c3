package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.visualization.map.MapFx.at;
import static io.sightline.desktop.visualization.map.MapFx.fx;
import static io.sightline.desktop.visualization.map.MapFx.hex;
import static io.sightline.desktop.visualization.map.MapFx.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Where markers land, how they cluster and what they say, for known rows (the demo's store locations). */
class MarkerMapTest {

    static final List<ResultColumn> STORES = List.of(new ResultColumn("name", "string"),
            new ResultColumn("country", "string"), new ResultColumn("latitude", "float"),
            new ResultColumn("longitude", "float"));
    /** The demo's store locations (also MapMovesTest's). */
    static final ResultData RESULT = MapFx.result(STORES,
            new Object[] {"New York Store", "USA", 40.7128, -74.0060},
            new Object[] {"Sao Paulo Store", "BRA", -23.5505, -46.6333},
            new Object[] {"Sydney Store", "AUS", -33.8688, 151.2093},
            new Object[] {"Berlin Store", "DEU", 52.52, 13.405});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static MapOptions options(Map<String, Object> extra) {
        Map<String, Object> saved = new HashMap<>(Map.of("latColName", "latitude", "lonColName", "longitude",
                "tooltip", Map.of("enabled", true, "template", "<b>{{ name }}</b>, {{ country }}")));
        saved.putAll(extra);
        return new MapOptions(saved);
    }

    @Test
    void aMarkerLandsAtItsLatitudeAndLongitude() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of("classify", "country",
                "clusterMarkers", false, "groups", Map.of("BRA", Map.of("color", "#ff0000")))), RESULT));

        // Mercator over the stores' extent: New York is left of and above Sao Paulo, Sydney right and below
        Point2D newYork = at(view, -74.0060, 40.7128);
        Point2D saoPaulo = at(view, -46.6333, -23.5505);
        Point2D sydney = at(view, 151.2093, -33.8688);
        assertThat(newYork.getX()).isLessThan(saoPaulo.getX());
        assertThat(newYork.getY()).isLessThan(saoPaulo.getY());
        assertThat(sydney.getX()).isGreaterThan(saoPaulo.getX());
        double expectedX = (Mercator.x(-74.0060) - Mercator.x(-46.6333)) * fx(view::scale);
        assertThat(newYork.getX() - saoPaulo.getX()).isCloseTo(expectedX, Offset.offset(0.001));

        // the circle of Brazil's group, in its saved colour, is drawn centred on Sao Paulo (0.9 opaque over land)
        Color land = MapTheme.LIGHT.land;
        Color drawn = pixel(view, saoPaulo);
        assertThat(drawn.getRed()).isCloseTo(0.9 + 0.1 * land.getRed(), Offset.offset(0.02));
        assertThat(drawn.getGreen()).isCloseTo(0.1 * land.getGreen(), Offset.offset(0.02));
        assertThat(hex(pixel(view, saoPaulo.add(MarkerMap.CIRCLE_RADIUS + 3, 0)))).isNotEqualTo(hex(drawn));
        // New York's group takes category10's colours in the order of the groups
        assertThat(pixel(view, newYork).getBlue()).isGreaterThan(0.6);

        fx(() -> {
            view.hoverAt(newYork.getX(), newYork.getY());
            return null;
        });
        assertThat(fx(view::tooltipText)).isEqualTo("New York Store, USA");
    }

    @Test
    void pinsPointAtTheirPlaceAndClicksShowThePopup() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of("clusterMarkers", false,
                "popup", Map.of("enabled", true, "template", "Store: {{ name }}"))), RESULT));
        Point2D berlin = at(view, 13.405, 52.52);
        assertThat(hex(pixel(view, berlin.add(0, -4)))).isEqualTo(hex(MarkerMap.PIN));
        fx(() -> {
            view.clickAt(berlin.getX(), berlin.getY() - 14);
            return null;
        });
        assertThat(fx(view::popupText)).isEqualTo("Store: Berlin Store");
    }

    @Test
    void densePointsMergeIntoClustersThatSplitWhenZoomedIn() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1024; i++) { // a 32 × 32 grid, 0.0003° (about 30 m) apart, in Germany
            rows.add(new Object[] {"p" + i, "DEU", 50 + (i / 32) * 0.0003, 10 + (i % 32) * 0.0003});
        }
        rows.add(new Object[] {"far", "AUS", -33.8688, 151.2093});
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of()), MapFx.result(STORES, rows.toArray(Object[][]::new))));

        Point2D dense = at(view, 10.0047, 50.0047);
        assertThat(tooltipAt(view, dense)).isEqualTo("1024 points");
        Point2D far = at(view, 151.2093, -33.8688);
        assertThat(tooltipAt(view, far.add(0, -14))).as("a lone point is a pin").isEqualTo("far, AUS");

        // at the closest zoom every point stands alone (56 px apart): each pin says its own name
        fx(() -> {
            view.zoomAt(dense.getX(), dense.getY(), view.maxScale() / view.scale());
            view.redraw();
            return null;
        });
        assertThat(GridClusterer.level(fx(view::scale))).isGreaterThanOrEqualTo(GridClusterer.MAX_LEVEL);
        assertThat(tooltipAt(view, at(view, 10 + 15 * 0.0003, 50 + 15 * 0.0003).add(0, -14))).isEqualTo("p495, DEU");
        assertThat(tooltipAt(view, at(view, 10 + 16 * 0.0003, 50 + 15 * 0.0003).add(0, -14))).isEqualTo("p496, DEU");
    }

    private static String tooltipAt(MapView view, Point2D at) {
        return fx(() -> {
            view.redraw();
            view.hoverAt(at.getX(), at.getY());
            return view.tooltipText();
        });
    }

    @Test
    void gridClustersCountEveryPointOnceAtEveryLevel() {
        Random random = new Random(1);
        int n = 20_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Mercator.x(-180 + random.nextDouble() * 360);
            ys[i] = Mercator.y(-60 + random.nextDouble() * 140);
            groups[i] = i % 3;
        }
        GridClusterer clusterer = new GridClusterer(xs, ys, groups);
        int previous = 0;
        for (int level = 0; level <= GridClusterer.MAX_LEVEL; level += 2) {
            List<GridClusterer.Cluster> clusters = clusterer.clusters(level);
            assertThat(clusters.stream().mapToInt(GridClusterer.Cluster::count).sum()).isEqualTo(n);
            assertThat(clusters.size()).as("level %d", level).isGreaterThanOrEqualTo(previous);
            assertThat(clusters).allSatisfy(c -> assertThat(groups[c.first()]).isEqualTo(c.group()));
            previous = clusters.size();
        }
        assertThat(clusterer.clusters(0).size()).isLessThan(100);
        assertThat(clusterer.clusters(GridClusterer.MAX_LEVEL)).hasSize(n);
    }

    @Test
    void manyUnclusteredMarkersAreDrawnAsDots() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            rows.add(new Object[] {"p" + i, "USA", -60 + (i / 150) * 3.0, -150 + (i % 150) * 2.0});
        }
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of("clusterMarkers", false)),
                MapFx.result(STORES, rows.toArray(Object[][]::new))));
        Point2D first = at(view, -150, -60);
        assertThat(hex(pixel(view, first))).isEqualTo(hex(MarkerMap.PIN));
        assertThat(hex(pixel(view, first.add(0, -4)))).as("no pin above the point").isNotEqualTo(hex(MarkerMap.PIN));
        assertThat(tooltipAt(view, first)).isEqualTo("p0, USA");
    }

    @Test
    void rowsWithoutCoordinatesAreCountedNotFatal() throws Exception {
        ResultData result = MapFx.result(STORES, new Object[] {"ok", "USA", 40.0, -74.0},
                new Object[] {"none", "USA", null, -74.0}, new Object[] {"text", "USA", "north", "-74"},
                new Object[] {"off", "USA", 123.0, 10.0});
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of()), result));
        assertThat(view.problems()).containsExactly("3 of 4 rows have no valid latitude/longitude and are not shown.");

        MapView missing = MapFx.show(() -> MarkerMap.render(new MapOptions(Map.of()), RESULT));
        assertThat(missing.problems()).containsExactly("The result has no column \"lat\".");
    }

    @Test
    void savedBoundsAreTheFirstView() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of("bounds", Map.of(
                "_southWest", Map.of("lat", 40, "lng", -10), "_northEast", Map.of("lat", 60, "lng", 30)))), RESULT));
        double[] visible = fx(view::visibleExtent);
        assertThat(Mercator.lon(visible[0])).isLessThanOrEqualTo(-10);
        assertThat(Mercator.lon(visible[2])).isGreaterThanOrEqualTo(30);
        assertThat(Mercator.lat(visible[1])).isCloseTo(60, Offset.offset(0.5));
        assertThat(Mercator.lat(visible[3])).isCloseTo(40, Offset.offset(0.5));
    }
}
