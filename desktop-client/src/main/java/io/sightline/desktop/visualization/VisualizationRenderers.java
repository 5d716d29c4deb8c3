package io.sightline.desktop.visualization;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.VisualizationType;
import io.sightline.desktop.visualization.chart.ChartRenderer;
import io.sightline.desktop.visualization.chart.LegacyBoxPlotRenderer;
import io.sightline.desktop.visualization.cohort.CohortRenderer;
import io.sightline.desktop.visualization.counter.CounterRenderer;
import io.sightline.desktop.visualization.details.DetailsRenderer;
import io.sightline.desktop.visualization.flow.SankeyRenderer;
import io.sightline.desktop.visualization.flow.SunburstRenderer;
import io.sightline.desktop.visualization.funnel.FunnelRenderer;
import io.sightline.desktop.visualization.map.ChoroplethMap;
import io.sightline.desktop.visualization.map.MapTheme;
import io.sightline.desktop.visualization.map.MarkerMap;
import io.sightline.desktop.visualization.pivot.PivotRenderer;
import io.sightline.desktop.visualization.render.SceneTheme;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.visualization.table.TableRenderer;
import io.sightline.desktop.visualization.wordcloud.WordCloudRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;

/**
 * The renderer of each visualization type. Types without one (and types this version does not know) show a
 * "not supported yet" note instead of failing. Maps (CHOROPLETH, MAP) are registered in
 * {@link #standard()} like the others.
 */
public final class VisualizationRenderers {

    private final Map<VisualizationType, VisualizationRenderer> renderers = new EnumMap<>(VisualizationType.class);

    /** The renderers this build has. */
    public static VisualizationRenderers standard() {
        VisualizationRenderers all = new VisualizationRenderers();
        all.register(VisualizationType.CHART, new ChartRenderer());
        all.register(VisualizationType.COUNTER, new CounterRenderer());
        all.register(VisualizationType.TABLE, new TableRenderer());
        all.register(VisualizationType.PIVOT, new PivotRenderer());
        all.register(VisualizationType.DETAILS, new DetailsRenderer());
        all.register(VisualizationType.FUNNEL, new FunnelRenderer());
        all.register(VisualizationType.COHORT, new CohortRenderer());
        all.register(VisualizationType.BOXPLOT, new LegacyBoxPlotRenderer());
        all.register(VisualizationType.CHOROPLETH, (options, result) -> SceneTheme.following(dark -> orNote(() ->
                ChoroplethMap.render(new ChoroplethOptions(options), result, dark ? MapTheme.DARK : MapTheme.LIGHT))));
        all.register(VisualizationType.MAP, (options, result) -> SceneTheme.following(dark -> orNote(() ->
                MarkerMap.render(new MapOptions(options), result, dark ? MapTheme.DARK : MapTheme.LIGHT))));
        all.register(VisualizationType.SANKEY, new SankeyRenderer());
        all.register(VisualizationType.SUNBURST_SEQUENCE, new SunburstRenderer());
        all.register(VisualizationType.WORD_CLOUD, new WordCloudRenderer());
        return all;
    }

    /** A drawing made later (once its scene's theme is known), or the note {@link #render} would show instead. */
    private static Node orNote(java.util.function.Supplier<Node> draw) {
        try {
            return draw.get();
        } catch (RuntimeException e) {
            return Notes.inPlaceOfDrawing("This visualization could not be drawn: " + e.getMessage());
        }
    }

    public VisualizationRenderers register(VisualizationType type, VisualizationRenderer renderer) {
        renderers.put(type, renderer);
        return this;
    }

    public boolean draws(String type) {
        return VisualizationType.of(type).map(renderers::containsKey).orElse(false);
    }

    /** The drawing, or a note saying why there is none. */
    public Node render(String type, Map<String, Object> options, ResultData result) {
        if (result == null) {
            return Notes.inPlaceOfDrawing("Run the query to see this visualization.");
        }
        VisualizationType known = VisualizationType.of(type).orElse(null);
        VisualizationRenderer renderer = known == null ? null : renderers.get(known);
        if (renderer == null) {
            return Notes.inPlaceOfDrawing("The " + (type == null ? "unnamed" : type.toLowerCase(java.util.Locale.ROOT))
                    + " visualization is not supported yet in the workbench; it is kept as it is.");
        }
        try {
            return renderer.render(options == null ? Map.of() : options, result);
        } catch (RuntimeException e) {
            return Notes.inPlaceOfDrawing("This visualization could not be drawn: " + e.getMessage());
        }
    }
}
