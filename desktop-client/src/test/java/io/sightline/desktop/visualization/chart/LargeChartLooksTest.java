package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.AbstractAxisParameter;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.SeriesColors;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.workbench.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The large (ChartFX) charts look like the others: series in Redash's colours or their saved one, axis texts in the
 * workbench's theme, and one note for series thinned alike.
 */
class LargeChartLooksTest {

    private static final int MINUTES = 6_000; // past the 5,000 points a line hands ChartFX
    private static final ResultData HOSTS = hosts();
    private static final Map<String, Object> OPTIONS = Map.of("globalSeriesType", "line",
            "columnMapping", Map.of("minute", "x", "host", "series", "load", "y"),
            "seriesOptions", Map.of("db", Map.of("color", "#ff00ff")));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void eachSeriesIsDrawnInItsSavedColourElseRedashsPaletteByItsPlace() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, HOSTS);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        assertThat(chart).as("drawn by the large-data chart").isNotNull();
        RendererFx.fx(() -> {
            PixelReader pixels = chart.getCanvas().snapshot(null, null).getPixelReader();
            int x = (int) Math.round(chart.getXAxis().getDisplayPosition(MINUTES / 2.0));
            Color web = near(pixels, x, (int) Math.round(chart.getYAxis().getDisplayPosition(100)),
                    Color.web(SeriesColors.PALETTE.get(0)));
            Color db = near(pixels, x, (int) Math.round(chart.getYAxis().getDisplayPosition(20)),
                    Color.web("#ff00ff"));
            StringBuilder seen = new StringBuilder();
            int y100 = (int) Math.round(chart.getYAxis().getDisplayPosition(100));
            for (int dy = -3; dy <= 3; dy++) {
                seen.append(pixels.getColor(x, y100 + dy)).append(' ');
            }
            assertThat(web).as("web, the first series, in Redash's first colour; seen " + seen).isNotNull();
            assertThat(db).as("db in its saved colour").isNotNull();
            return null;
        });
    }

    @Test
    void axisTextsFollowTheDarkTheme() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, HOSTS);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        Color light = RendererFx.fx(() -> (Color) ((AbstractAxisParameter) chart.getYAxis()).getTickLabelStyle()
                .getFill());
        Color dark = RendererFx.fx(() -> {
            Theme.apply(root.getScene(), "dark");
            root.applyCss();
            return (Color) ((AbstractAxisParameter) chart.getYAxis()).getTickLabelStyle().getFill();
        });
        assertThat(dark.getBrightness()).as("light text on the dark background, not ChartFX's black")
                .isGreaterThan(0.7);
        assertThat(light.getBrightness()).as("dark text on the light one").isLessThan(0.4);
    }

    @Test
    void seriesThinnedAlikeAreNamedInOneNote() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, HOSTS);
        String notes = RendererFx.fx(() -> ((Label) root.lookup("#chart-notes")).getText());
        assertThat(notes).startsWith("Series 'web', 'db': 6,000 points each drawn as ")
                .containsOnlyOnce("largest-triangle-three-buckets");
    }

    /**
     * A pixel near (x, y) of {@code wanted}'s hue (a one-pixel line is blended with the white around it, so its
     * hue is what is left of its colour), else null.
     */
    private static Color near(PixelReader pixels, int x, int y, Color wanted) {
        for (int dy = -3; dy <= 3; dy++) {
            Color c = pixels.getColor(x, y + dy);
            double hues = Math.abs(c.getHue() - wanted.getHue());
            if (c.getOpacity() > 0.5 && c.getSaturation() > 0.15 && Math.min(hues, 360 - hues) < 12) {
                return c;
            }
        }
        return null;
    }

    /** Two hosts' load per minute: web flat at 100, db at 20, with 0 and 200 at the ends so both are inside. */
    private static ResultData hosts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            for (String host : List.of("web", "db")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("minute", i);
                row.put("host", host);
                row.put("load", i == 0 ? 0.0 : i == MINUTES - 1 ? 200.0 : "web".equals(host) ? 100.0 : 20.0);
                rows.add(row);
            }
        }
        return new ResultData(List.of(new ResultColumn("minute", "integer"), new ResultColumn("host", "string"),
                new ResultColumn("load", "float")), rows);
    }
}
