package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.check;
import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import javafx.collections.ObservableList;
import javafx.scene.layout.GridPane;

/**
 * The marker map fields of the visualization editor: the coordinate columns, the grouping and clustering, and
 * Sightline's bubbles (a column sizing the markers and the largest bubble's radius).
 */
final class MapOptionsView extends GridPane {

    MapOptionsView(MapOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        row(this, 0, "Latitude column", combo("editor-map-lat", columns, model.latitudeProperty()));
        row(this, 1, "Longitude column", combo("editor-map-lon", columns, model.longitudeProperty()));
        row(this, 2, "Group by", combo("editor-map-group", withNone(columns), model.groupByProperty()));
        row(this, 3, "", check("editor-map-cluster", "Cluster markers (not bubbles)", model.clusterProperty()));
        row(this, 4, "Bubble size", combo("editor-map-size", withNone(columns), model.sizeColumnProperty()));
        row(this, 5, "Largest bubble (px)", field("editor-map-max-radius", model.maxRadiusProperty()));
    }
}
