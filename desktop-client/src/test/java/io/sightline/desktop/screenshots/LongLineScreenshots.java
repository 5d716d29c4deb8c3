package io.sightline.desktop.screenshots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.ResultRow;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.Node;

/**
 * Writes the README's pictures of a line of a million minutes: whole (thinned to what the plot can show), and zoomed
 * into six hours of one day, where every minute is drawn. Run under Xvfb:
 * {@code xvfb-run -a java -cp ... io.sightline.desktop.screenshots.LongLineScreenshots docs/images}
 */
public final class LongLineScreenshots {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    private LongLineScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = ThemedRenderingShot.start(args);
        ResultData minutes = minutes(1_000_000);
        VisualizationRenderers renderers = VisualizationRenderers.standard();
        Map<String, Object> options = Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("minute", "x", "load", "y"));
        ThemedRenderingShot.shoot(out.resolve("viz-line-million-light.png"), "light", 1000, 420,
                () -> renderers.render("CHART", options, minutes));
        ThemedRenderingShot.shoot(out.resolve("viz-line-million-zoomed-light.png"), "light", 1000, 420, () -> {
            Node drawing = renderers.render("CHART", options, minutes);
            // as a rectangle dragged over six hours of 2025-03-14 would leave it
            Axis x = ((XYChart) drawing.lookup("#chart-large-line")).getXAxis();
            x.setAutoRanging(false);
            x.set(START.plusDays(438).plusHours(9).toEpochSecond(ZoneOffset.UTC),
                    START.plusDays(438).plusHours(15).toEpochSecond(ZoneOffset.UTC));
            return drawing;
        });
        ThemedRenderingShot.finish();
    }

    /** A random walk of a server's load, one value a minute from 2024-01-01, as a datetime column. */
    private static ResultData minutes(int n) {
        Random random = new Random(23);
        ResultRow.Shape shape = ResultRow.Shape.of(List.of("minute", "load"));
        List<Map<String, Object>> rows = new ArrayList<>(n);
        double walk = 500;
        for (int i = 0; i < n; i++) {
            walk = Math.max(0, walk + random.nextGaussian() * 5);
            rows.add(shape.row(new Object[] {START.plusMinutes(i).toString(), walk}));
        }
        return new ResultData(List.of(new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")),
                rows);
    }
}
