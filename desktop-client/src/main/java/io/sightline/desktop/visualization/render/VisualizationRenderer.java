package io.sightline.desktop.visualization.render;

import io.sightline.common.visualization.ResultData;
import java.util.Map;
import javafx.scene.Node;

/**
 * Draws one visualization type: the saved options (the renderer applies the type's defaults, see
 * {@code io.sightline.common.visualization}) over a result. Called on the FX thread, again whenever the options or
 * the result change; the node it returns replaces the previous one.
 */
@FunctionalInterface
public interface VisualizationRenderer {

    Node render(Map<String, Object> options, ResultData result);
}
