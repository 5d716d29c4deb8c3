package io.sightline.desktop.screenshots;

import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.VisualizationRenderers;
import io.sightline.desktop.visualization.flow.FlowSamples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the screenshots of the sankey, sunburst and word cloud visualizations, light and dark, each drawn by the
 * workbench's renderer for a known result in a themed window. Run under Xvfb as {@link RendererScreenshots}:
 * {@code xvfb-run -a java -cp ... io.sightline.desktop.screenshots.FlowScreenshots docs/images}
 */
public final class FlowScreenshots {

    private FlowScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = ThemedRenderingShot.start(args);
        VisualizationRenderers renderers = VisualizationRenderers.standard();
        for (String theme : List.of("light", "dark")) {
            shoot(out.resolve("viz-sankey-" + theme + ".png"), theme, 900, 460, renderers, "SANKEY", Map.of(),
                    FlowSamples.journeys());
            shoot(out.resolve("viz-sunburst-" + theme + ".png"), theme, 640, 520, renderers, "SUNBURST_SEQUENCE",
                    Map.of(), FlowSamples.journeys());
            shoot(out.resolve("viz-word-cloud-" + theme + ".png"), theme, 820, 420, renderers, "WORD_CLOUD",
                    Map.of("column", "note"), FlowSamples.notes());
        }
        ThemedRenderingShot.finish();
    }

    private static void shoot(Path file, String theme, int width, int height, VisualizationRenderers renderers,
                              String type, Map<String, Object> options, ResultData result) throws Exception {
        ThemedRenderingShot.shoot(file, theme, width, height, () -> renderers.render(type, options, result));
    }
}
