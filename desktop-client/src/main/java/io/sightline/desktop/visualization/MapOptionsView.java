package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.check;
import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import javafx.collections.ObservableList;
import javafx.scene.layout.GridPane;

/** The marker map fields of the visualization editor: the coordinate columns, the grouping and clustering. */
final class MapOptionsView extends GridPane {

    MapOptionsView(MapOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        row(this, 0, "Latitude column", combo("editor-map-lat", columns, model.latitudeProperty()));
        row(this, 1, "Longitude column", combo("editor-map-lon", columns, model.longitudeProperty()));
        row(this, 2, "Group by", combo("editor-map-group", withNone(columns), model.groupByProperty()));
        row(this, 3, "", check("editor-map-cluster", "Cluster markers", model.clusterProperty()));
    }
}
