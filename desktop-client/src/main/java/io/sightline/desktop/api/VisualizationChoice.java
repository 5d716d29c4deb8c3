package io.sightline.desktop.api;

import io.sightline.common.api.visualization.Visualization;

/** A visualization a dashboard widget can show, with its query. */
public record VisualizationChoice(long queryId, String queryName, Visualization visualization) {

    /** "query name \u2014 visualization name (TYPE)". */
    public String label() {
        return queryName + " \u2014 " + visualization.name() + " (" + visualization.type() + ")";
    }
}
