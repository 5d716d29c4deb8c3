package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.visualization.map.MapFx.at;
import static io.sightline.desktop.visualization.map.MapFx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.SvgExport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bubbles ({@code sightline.bubble}): stores drawn as circles whose area follows their revenue. */
class BubbleMapTest {

    private static final ResultData STORES = MapFx.result(List.of(new ResultColumn("name", "string"),
            new ResultColumn("country", "string"), new ResultColumn("latitude", "float"),
            new ResultColumn("longitude", "float"), new ResultColumn("revenue", "float")),
            new Object[] {"New York Store", "USA", 40.7128, -74.0060, 400.0},
            new Object[] {"Sao Paulo Store", "BRA", -23.5505, -46.6333, -3.0},
            new Object[] {"Sydney Store", "AUS", -33.8688, 151.2093, 100.0},
            new Object[] {"Berlin Store", "DEU", 52.52, 13.405, 25.0});

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    private static MapOptions options(Map<String, Object> extra) {
        Map<String, Object> saved = new HashMap<>(Map.of("latColName", "latitude", "lonColName", "longitude",
                "clusterMarkers", true, "sightline", Map.of("bubble", Map.of("sizeColumn", "revenue", "maxRadius", 32))));
        saved.putAll(extra);
        return new MapOptions(saved);
    }

    @Test
    void aLargerRevenueCoversMoreOfTheMapAndANegativeOneNone() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of()), STORES));
        Point2D newYork = at(view, -74.0060, 40.7128), sydney = at(view, 151.2093, -33.8688);
        Point2D berlin = at(view, 13.405, 52.52), saoPaulo = at(view, -46.6333, -23.5505);
        PixelReader drawn = snapshot(view);
        Predicate<Color> blue = c -> c.getBlue() - c.getRed() > 0.2; // the marker blue over land or sea

        int ny = count(drawn, newYork, 40, blue), syd = count(drawn, sydney, 40, blue), ber = count(drawn, berlin, 40, blue);
        // areas as the values: 400 : 100 : 25 (a radius of 32, 16 and 8 pixels)
        assertThat(ny).as("New York's bubble").isCloseTo((int) (Math.PI * 32 * 32), Offset.offset(350));
        assertThat(syd).as("Sydney's bubble").isCloseTo((int) (Math.PI * 16 * 16), Offset.offset(120));
        assertThat(ber).as("Berlin's bubble").isCloseTo((int) (Math.PI * 8 * 8), Offset.offset(60));
        assertThat(count(drawn, saoPaulo, 10, blue)).as("Sao Paulo's negative revenue: no bubble").isZero();
        assertThat(view.problems()).containsExactly("1 of 4 rows have no revenue of zero or more (empty, negative or"
                + " not a number) and draw no bubble.");

        fx(() -> {
            view.hoverAt(sydney.getX() + 10, sydney.getY());
            return null;
        });
        assertThat(fx(view::tooltipText)).as("inside Sydney's bubble, off its centre").isEqualTo("revenue: 100");
    }

    @Test
    void withClassifyABubbleTakesItsGroupsColourAndTheLegendListsSizes() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of("classify", "country",
                "groups", Map.of("USA", Map.of("color", "#ff0000")))), STORES));
        Point2D newYork = at(view, -74.0060, 40.7128);
        Color inside = MapFx.pixel(view, newYork.add(12, 12)); // inside the bubble, off its border
        // the group's red at 0.6 over the land or the sea (both near white)
        assertThat(inside.getRed()).isGreaterThan(0.95);
        assertThat(inside.getGreen()).isBetween(0.3, 0.42);
        assertThat(inside.getBlue()).isBetween(0.3, 0.42);
        String legend = fx(() -> ((javafx.scene.Parent) view.legend()).lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList().toString());
        assertThat(legend).contains("USA", "revenue", "400", "100", "25");
    }

    @Test
    void theSvgExportDrawsTheBubblesAsVectors() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(options(Map.of()), STORES));
        String svg = fx(() -> SvgExport.svg(view));
        assertThat(svg).doesNotContain("<image").containsPattern("<ellipse [^>]*rx=\"32.0\" ry=\"32.0\" fill=\""
                + MapFx.hex(MarkerMap.PIN) + "\" fill-opacity=\"0.60\"");
        assertThat(svg).containsPattern("rx=\"8.0\" ry=\"8.0\"");
    }

    private static PixelReader snapshot(MapView view) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            view.redraw();
            return view.snapshot(null, null).getPixelReader();
        });
    }

    private static int count(PixelReader pixels, Point2D centre, int half, Predicate<Color> match) {
        int n = 0;
        for (int x = (int) centre.getX() - half; x <= centre.getX() + half; x++) {
            for (int y = (int) centre.getY() - half; y <= centre.getY() + half; y++) {
                n += match.test(pixels.getColor(x, y)) ? 1 : 0;
            }
        }
        return n;
    }
}
