package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.grid;
import static io.sightline.desktop.visualization.EditorControls.row;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The table fields of the visualization editor: rows per page; the columns in the order shown (a tick shows or
 * hides one, the arrows move the selected one); and the selected column's title, display, alignment, formats,
 * link templates, search and colour rules. Only the fields its display uses are shown.
 */
final class TableOptionsView extends VBox {

    private final TableOptionsViewModel model;
    private final CheckBox visible = new CheckBox("Shown");
    private final TextField title = new TextField();
    private final ComboBox<String> displayAs = new ComboBox<>(
            FXCollections.observableArrayList(TableColumnSettings.DISPLAY_AS));
    private final ComboBox<String> align = new ComboBox<>(
            FXCollections.observableArrayList(TableColumnSettings.ALIGNMENTS));
    private final TextField numberFormat = new TextField();
    private final TextField dateTimeFormat = new TextField();
    private final TextField linkUrl = new TextField();
    private final TextField linkText = new TextField();
    private final TextField linkTitle = new TextField();
    private final CheckBox allowSearch = new CheckBox("Searched by the table's search field");
    private final GridPane details = grid();
    private final TableColorRulesView colors;
    private final Node[] numberRows;
    private final Node[] dateRows;
    private final Node[] linkRows;
    private TableColumnSettings bound;

    TableOptionsView(TableOptionsViewModel model) {
        super(8);
        this.model = model;
        GridPane paging = grid();
        row(paging, 0, "Rows per page", field("editor-table-per-page", model.itemsPerPageProperty()));

        ListView<TableColumnSettings> list = new ListView<>(model.columns());
        list.setId("editor-table-columns");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ColumnCell());
        Button up = new Button("▲");
        up.setId("editor-table-column-up");
        Button down = new Button("▼");
        down.setId("editor-table-column-down");
        up.setOnAction(e -> move(list, -1));
        down.setOnAction(e -> move(list, 1));
        up.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        down.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());

        visible.setId("editor-table-column-visible");
        title.setId("editor-table-column-title");
        displayAs.setId("editor-table-column-display");
        align.setId("editor-table-column-align");
        numberFormat.setId("editor-table-column-number-format");
        dateTimeFormat.setId("editor-table-column-date-format");
        linkUrl.setId("editor-table-column-link-url");
        linkText.setId("editor-table-column-link-text");
        linkTitle.setId("editor-table-column-link-title");
        allowSearch.setId("editor-table-column-search");
        row(details, 0, "", visible);
        row(details, 1, "Title", title);
        row(details, 2, "Display as", displayAs);
        row(details, 3, "Align", align);
        numberRows = new Node[] {row(details, 4, "Number format", numberFormat)};
        dateRows = new Node[] {row(details, 5, "Date format", dateTimeFormat)};
        linkRows = new Node[] {row(details, 6, "URL template", linkUrl), row(details, 7, "Text template", linkText),
            row(details, 8, "Title template", linkTitle)};
        linkUrl.setPromptText("https://example.com/items/{{ @ }}");
        row(details, 9, "", allowSearch);
        displayAs.valueProperty().addListener(o -> showFieldsOfDisplay());

        list.getSelectionModel().selectedItemProperty().addListener((obs, old, column) -> edit(column));
        model.columns().addListener((javafx.collections.ListChangeListener<TableColumnSettings>) c -> {
            if (bound != null && !model.columns().contains(bound)) {
                edit(null); // loaded afresh: the old column's settings are no longer the form's
            }
        });
        colors = new TableColorRulesView(model);
        edit(null);
        getChildren().addAll(paging, new HBox(6, list, new VBox(6, up, down)), details, colors);
    }

    private void move(ListView<TableColumnSettings> list, int by) {
        TableColumnSettings column = list.getSelectionModel().getSelectedItem();
        model.move(column, by);
        list.getSelectionModel().select(column);
    }

    /** Binds the detail fields to {@code column} (none: the fields are disabled). */
    private void edit(TableColumnSettings column) {
        if (bound != null) {
            unbind(visible.selectedProperty(), bound.visibleProperty());
            unbind(title.textProperty(), bound.titleProperty());
            unbind(displayAs.valueProperty(), bound.displayAsProperty());
            unbind(align.valueProperty(), bound.alignContentProperty());
            unbind(numberFormat.textProperty(), bound.numberFormatProperty());
            unbind(dateTimeFormat.textProperty(), bound.dateTimeFormatProperty());
            unbind(linkUrl.textProperty(), bound.linkUrlTemplateProperty());
            unbind(linkText.textProperty(), bound.linkTextTemplateProperty());
            unbind(linkTitle.textProperty(), bound.linkTitleTemplateProperty());
            unbind(allowSearch.selectedProperty(), bound.allowSearchProperty());
        }
        bound = column;
        details.setDisable(column == null);
        colors.show(column == null ? null : column.name());
        if (column != null) {
            visible.selectedProperty().bindBidirectional(column.visibleProperty());
            title.textProperty().bindBidirectional(column.titleProperty());
            displayAs.valueProperty().bindBidirectional(column.displayAsProperty());
            align.valueProperty().bindBidirectional(column.alignContentProperty());
            numberFormat.textProperty().bindBidirectional(column.numberFormatProperty());
            dateTimeFormat.textProperty().bindBidirectional(column.dateTimeFormatProperty());
            linkUrl.textProperty().bindBidirectional(column.linkUrlTemplateProperty());
            linkText.textProperty().bindBidirectional(column.linkTextTemplateProperty());
            linkTitle.textProperty().bindBidirectional(column.linkTitleTemplateProperty());
            allowSearch.selectedProperty().bindBidirectional(column.allowSearchProperty());
        }
        showFieldsOfDisplay();
    }

    private static <T> void unbind(Property<T> field, Property<T> value) {
        field.unbindBidirectional(value);
    }

    private void showFieldsOfDisplay() {
        String display = displayAs.getValue();
        show(numberRows, bound != null && "number".equals(display));
        show(dateRows, bound != null && "datetime".equals(display));
        show(linkRows, bound != null && "link".equals(display));
    }

    private void show(Node[] fields, boolean on) {
        for (Node field : fields) {
            int row = GridPane.getRowIndex(field);
            details.getChildren().stream().filter(n -> Integer.valueOf(row).equals(GridPane.getRowIndex(n)))
                    .forEach(n -> {
                        n.setVisible(on);
                        n.setManaged(on);
                    });
        }
    }

    /** A column in the list: a tick to show or hide it, and its name (its title when that differs). */
    private static final class ColumnCell extends ListCell<TableColumnSettings> {

        private final CheckBox shown = new CheckBox();
        private BooleanProperty boundTo;

        @Override
        protected void updateItem(TableColumnSettings column, boolean empty) {
            super.updateItem(column, empty);
            if (boundTo != null) {
                shown.selectedProperty().unbindBidirectional(boundTo);
                boundTo = null;
            }
            textProperty().unbind();
            if (empty || column == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boundTo = column.visibleProperty();
            shown.selectedProperty().bindBidirectional(boundTo);
            shown.setId("editor-table-show-" + column.name());
            StringProperty title = column.titleProperty();
            textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> title.get() == null
                    || title.get().equals(column.name()) ? column.name() : column.name() + " (" + title.get() + ")",
                    title));
            setGraphic(shown);
        }
    }
}
