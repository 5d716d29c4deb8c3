package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.visualization.map.MapFx.at;
import static io.sightline.desktop.visualization.map.MapFx.fx;
import static io.sightline.desktop.visualization.map.MapFx.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A map that moves shows its last drawing moved along (Leaflet's way), draws again only when that drawing no longer
 * covers the view, and once it stands still; what the pointer is on is always what is shown.
 */
class MapMovesTest {

    private static final ResultData REVENUE = MapFx.result(List.of(new ResultColumn("country", "string"),
            new ResultColumn("revenue", "float")), new Object[] {"BRA", 100.0}, new Object[] {"CAN", 10.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aShortPanMovesTheDrawingWithoutDrawingAndTheMapIsDrawnOnceItStandsStill() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(new ChoroplethOptions(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE));
        Point2D brazil = at(view, -50, -10);
        String brazilFill = hex(shown(view, brazil));
        long drawn = fx(view::frames);

        fx(() -> {
            view.panBy(40, -25);
            view.drawPending();
            return null;
        });

        assertThat(fx(view::frames)).as("drawings while moving within the padding").isEqualTo(drawn);
        assertThat(hex(shown(view, brazil.add(40, -25)))).as("Brazil moved with the pointer").isEqualTo(brazilFill);
        await().atMost(Duration.ofSeconds(3)).until(() -> !fx(view::moving));
        assertThat(fx(view::frames)).as("drawn in full once it stood still").isEqualTo(drawn + 1);
        assertThat(hex(shown(view, brazil.add(40, -25)))).isEqualTo(brazilFill);
    }

    @Test
    void aPanPastThePaddingDrawsAgainSoNoEdgeStaysEmpty() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(new ChoroplethOptions(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE));
        String brazilFill = hex(shown(view, at(view, -50, -10)));
        long drawn = fx(view::frames);
        double beyond = MapFx.WIDTH * MapView.PADDING + 20;
        // the left edge the pan uncovers: before, a point beyond the drawing's margin
        Point2D leftEdge = new Point2D(5, MapFx.HEIGHT / 2.0);

        fx(() -> {
            view.panBy(beyond, 0);
            view.drawPending();
            return null;
        });

        assertThat(fx(view::frames)).isEqualTo(drawn + 1);
        assertThat(hex(shown(view, at(view, -50, -10)))).as("Brazil, drawn at the new view").isEqualTo(brazilFill);
        String edge = hex(shown(view, leftEdge));
        assertThat(edge).as("the uncovered edge shows what a full drawing there shows")
                .isEqualTo(hex(MapFx.pixel(view, leftEdge)));
    }

    @Test
    void theTooltipRightAfterAMoveIsOfTheMarkerShownUnderThePointer() throws Exception {
        MapView view = MapFx.show(() -> MarkerMap.render(new MapOptions(Map.of("latColName", "latitude",
                "lonColName", "longitude", "clusterMarkers", false, "tooltip", Map.of("enabled", true,
                        "template", "{{ name }}"))), MarkerMapTest.RESULT));

        String text = fx(() -> {
            Point2D before = view.toScreen(Mercator.x(13.405), Mercator.y(52.52));
            view.zoomAt(before.getX(), before.getY(), 1.5);
            view.panBy(-30, 20);
            Point2D berlin = view.toScreen(Mercator.x(13.405), Mercator.y(52.52));
            view.hoverAt(berlin.getX(), berlin.getY() - 14);
            return view.tooltipText();
        });

        assertThat(text).isEqualTo("Berlin Store");
    }

    /** The colour shown at a screen point now, without drawing the map first. */
    private static Color shown(MapView view, Point2D at) {
        return fx(() -> view.snapshot(null, null).getPixelReader()
                .getColor((int) Math.round(at.getX()), (int) Math.round(at.getY())));
    }
}
