package io.sightline.desktop.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.SvgExport;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dense unclustered marker map draws a dot once per pixel and colour, not once per row. */
class DenseMarkersTest {

    private static final Pattern DOT = Pattern.compile("<rect [^>]*width=\"4.0\" height=\"4.0\"");

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void rowsOnTheSamePixelAreDrawnOnce() throws Exception {
        ResultData points = MapBench.points(100_000); // 200 bunches of 500, as stores or customers in cities
        MapView view = MapFx.show(() -> MarkerMap.render(new MapOptions(Map.of("latColName", "lat", "lonColName", "lon",
                "clusterMarkers", false)), points));
        String svg = MapFx.fx(() -> SvgExport.svg(view));
        int dots = (int) DOT.matcher(svg).results().count();
        int inView = MapFx.fx(() -> {
            int n = 0;
            for (Map<String, Object> row : points.rows()) {
                Point2D s = view.toScreen(Mercator.x((Double) row.get("lon")), Mercator.y((Double) row.get("lat")));
                n += s.getX() >= 0 && s.getY() >= 0 && s.getX() <= view.getWidth() && s.getY() <= view.getHeight() ? 1 : 0;
            }
            return n;
        });
        assertThat(inView).isGreaterThan(90_000);
        assertThat(dots).as("a dot per pixel covered, not per row").isGreaterThan(1_000).isLessThan(inView / 2);
    }
}
