package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.check;
import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.row;

import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The choropleth fields of the visualization editor, named as in Redash: map, key column, the map's field it
 * matches, value column, clustering mode and steps, the min and max colours, value format and legend.
 */
final class ChoroplethOptionsView extends GridPane {

    private static final Map<String, String> NAMES = Map.of("countries", "Countries", "usa", "USA",
            "e", "Equidistant", "q", "Quantile", "k", "K-means");

    ChoroplethOptionsView(ChoroplethOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        row(this, 0, "Map", EditorControls.named(combo("editor-choropleth-map",
                FXCollections.observableArrayList(ChoroplethOptionsViewModel.MAPS), model.mapProperty()), NAMES));
        row(this, 1, "Key column", combo("editor-choropleth-key", columns, model.keyColumnProperty()));
        row(this, 2, "Target field", combo("editor-choropleth-field", model.fields(), model.targetFieldProperty()));
        row(this, 3, "Value column", combo("editor-choropleth-value", columns, model.valueColumnProperty()));
        row(this, 4, "Clustering mode", EditorControls.named(combo("editor-choropleth-clustering",
                FXCollections.observableArrayList(ChoroplethOptionsViewModel.CLUSTERING),
                model.clusteringProperty()), NAMES));
        row(this, 5, "Steps", field("editor-choropleth-steps", model.stepsProperty()));
        TextField min = field("editor-choropleth-min", model.minColorProperty());
        min.setPromptText("#rrggbb");
        row(this, 6, "Min colour", min);
        TextField max = field("editor-choropleth-max", model.maxColorProperty());
        max.setPromptText("#rrggbb");
        row(this, 7, "Max colour", max);
        row(this, 8, "Value format", field("editor-choropleth-format", model.valueFormatProperty()));
        row(this, 9, "", check("editor-choropleth-legend", "Show legend", model.legendProperty()));
    }

}
