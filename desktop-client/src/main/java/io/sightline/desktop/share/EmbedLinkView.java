package io.sightline.desktop.share;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The embed-link section: a row per dashboard parameter (lock it, to which value), the last day, Make and Copy. */
final class EmbedLinkView extends VBox {

    private final GridPane rows = new GridPane();

    EmbedLinkView(EmbedLinkViewModel model) {
        super(6);
        Label heading = new Label("Embed link");
        heading.getStyleClass().add("share-heading");
        Label help = new Label("Fix parameter values the embedding page's viewers cannot change.");
        help.setWrapText(true);
        rows.setHgap(8);
        rows.setVgap(4);
        rows.setId("embed-parameters");
        model.parameters().addListener((ListChangeListener<LockedParameter>) change -> showRows(model));
        showRows(model);

        DatePicker lastDay = new DatePicker();
        lastDay.setId("embed-last-day");
        lastDay.setPromptText("in 30 days");
        lastDay.setPrefWidth(150);
        lastDay.valueProperty().bindBidirectional(model.lastDayProperty());
        Button make = new Button("Make embed link");
        make.setId("embed-make");
        make.disableProperty().bind(model.availableProperty().not().or(model.busyProperty()));
        make.setOnAction(e -> model.make());
        HBox ends = new HBox(8, new Label("Last day:"), lastDay, make);
        ends.setAlignment(Pos.CENTER_LEFT);

        TextField url = new TextField();
        url.setId("embed-url");
        url.setEditable(false);
        url.textProperty().bind(model.urlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("embed-copy");
        copy.disableProperty().bind(model.urlProperty().isEmpty());
        copy.setOnAction(e -> model.copy());
        Label status = new Label();
        status.setId("embed-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(heading, help, rows, ends, new HBox(8, url, copy), status);
    }

    private void showRows(EmbedLinkViewModel model) {
        rows.getChildren().clear();
        if (model.parameters().isEmpty()) {
            rows.add(new Label("This dashboard has no dashboard parameters."), 0, 0);
            return;
        }
        int row = 0;
        for (LockedParameter parameter : model.parameters()) {
            CheckBox lock = new CheckBox("Lock " + parameter.name());
            lock.setId("embed-lock-" + parameter.name());
            lock.selectedProperty().bindBidirectional(parameter.lockedProperty());
            TextField value = new TextField();
            value.setId("embed-value-" + parameter.name());
            value.textProperty().bindBidirectional(parameter.valueProperty());
            value.disableProperty().bind(parameter.lockedProperty().not());
            GridPane.setHgrow(value, Priority.ALWAYS);
            rows.addRow(row++, lock, value);
        }
    }
}
