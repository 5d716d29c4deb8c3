package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.check;
import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;

/** The funnel fields of the visualization editor; the sort column and order only with custom sorting. */
final class FunnelOptionsView extends GridPane {

    FunnelOptionsView(FunnelOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        CheckBox custom = new CheckBox("Custom sorting");
        custom.setId("editor-funnel-custom-sort");
        custom.setSelected(!model.autoSortProperty().get());
        custom.selectedProperty().addListener((obs, old, on) -> model.autoSortProperty().set(!on));
        model.autoSortProperty().addListener((obs, old, auto) -> custom.setSelected(!auto));
        ComboBox<String> sortColumn = combo("editor-funnel-sort-column", withNone(columns),
                model.sortColumnProperty());
        CheckBox descending = check("editor-funnel-sort-descending", "Descending", model.sortDescendingProperty());
        sortColumn.disableProperty().bind(model.autoSortProperty());
        descending.disableProperty().bind(model.autoSortProperty());

        row(this, 0, "Step column", combo("editor-funnel-step", columns, model.stepColumnProperty()));
        row(this, 1, "Step title", field("editor-funnel-step-title", model.stepTitleProperty()));
        row(this, 2, "Value column", combo("editor-funnel-value", columns, model.valueColumnProperty()));
        row(this, 3, "Value title", field("editor-funnel-value-title", model.valueTitleProperty()));
        row(this, 4, "", custom);
        row(this, 5, "Sort column", sortColumn);
        row(this, 6, "", descending);
        row(this, 7, "Items limit", field("editor-funnel-items-limit", model.itemsLimitProperty()));
        row(this, 8, "Min percent", field("editor-funnel-percent-min", model.percentMinProperty()));
        row(this, 9, "Max percent", field("editor-funnel-percent-max", model.percentMaxProperty()));
        row(this, 10, "Number format", field("editor-funnel-number-format", model.numberFormatProperty()));
        row(this, 11, "Percent format", field("editor-funnel-percent-format", model.percentFormatProperty()));
    }
}
