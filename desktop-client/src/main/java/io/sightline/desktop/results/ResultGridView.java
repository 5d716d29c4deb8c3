package io.sightline.desktop.results;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.formats.CurrentFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The virtualized result table (rows fetched as they scroll into view), its facts and export buttons. */
public final class ResultGridView extends BorderPane {

    private final ResultGridViewModel model;
    private final TableView<ResultRow> table = new TableView<>();
    private SaveTarget saveTarget = SaveTarget.fileChooser();
    /** Held here: the formats keep only a weak reference, so a closed tab's grid can go. */
    private final ChangeListener<OrganizationFormats> reformat = (obs, old, formats) -> table.refresh();

    public ResultGridView(ResultGridViewModel model, Consumer<String> status) {
        this.model = model;
        getStyleClass().add("result-grid");
        table.setId("result-table");
        table.setFixedCellSize(24);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Run a query (Ctrl+Enter) to see its rows here."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copy(false));
        MenuItem copyWithHeader = new MenuItem("Copy with header");
        copyWithHeader.setOnAction(e -> copy(true));
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setOnAction(e -> table.getSelectionModel().selectAll());
        table.setContextMenu(new ContextMenu(copy, copyWithHeader, selectAll));
        table.setOnKeyPressed(event -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(event)) {
                copy(false);
                event.consume();
            }
        });

        model.columns().addListener((ListChangeListener<Column>) change -> rebuildColumns());
        CurrentFormats.property().addListener(new WeakChangeListener<>(reformat));
        model.rowsProperty().addListener((obs, old, rows) -> showRows());
        model.sortableProperty().addListener((obs, old, on) -> {
            table.getColumns().forEach(column -> column.setSortable(on && column != table.getColumns().get(0)));
            showRows();
        });

        Label summary = new Label();
        summary.setId("result-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label message = new Label();
        message.setId("result-message");
        message.getStyleClass().add("result-warning");
        message.textProperty().bind(model.messageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        TextField filter = new TextField();
        filter.setId("result-filter");
        filter.setPromptText("Filter rows");
        filter.setPrefColumnCount(14);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.disableProperty().bind(model.sortableProperty().not());
        filter.setTooltip(new Tooltip("Filter and sort (click a column header) work on results of up to "
                + String.format("%,d", ResultGridViewModel.CLIENT_SIDE_ROWS) + " rows; use WHERE and ORDER BY for"
                + " larger ones"));
        Label shown = new Label();
        shown.setId("result-shown");
        shown.getStyleClass().add("muted");
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        model.filterProperty().get().isBlank() ? "" : String.format("%,d shown", model.shownProperty().get()),
                model.filterProperty(), model.shownProperty()));
        Button csv = new Button("CSV");
        csv.setId("export-csv");
        csv.setOnAction(e -> export("CSV file", ".csv", status));
        Button excel = new Button("Excel");
        excel.setId("export-excel");
        excel.setOnAction(e -> export("Excel workbook", ".xlsx", status));
        csv.disableProperty().bind(Bindings.createBooleanBinding(() -> model.rowsProperty().get() == null
                || model.exportingProperty().get(), model.rowsProperty(), model.exportingProperty()));
        excel.disableProperty().bind(csv.disableProperty());
        Label export = new Label("Export:");
        export.getStyleClass().add("muted");
        HBox footer = new HBox(8, summary, message, gap, shown, filter, export, csv, excel);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(4, 6, 4, 6));
        footer.getStyleClass().add("result-footer");
        setCenter(table);
        setBottom(footer);
    }

    public TableView<ResultRow> table() {
        return table;
    }

    /** Replaces the save dialog the export buttons ask for a file (tests answer with a path of their own). */
    public void setSaveTarget(SaveTarget saveTarget) {
        this.saveTarget = saveTarget;
    }

    private void rebuildColumns() {
        List<TableColumn<ResultRow, ?>> columns = new ArrayList<>();
        TableColumn<ResultRow, Long> number = new TableColumn<>("#");
        number.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue().index() + 1));
        number.setSortable(false);
        number.setPrefWidth(60);
        number.getStyleClass().add("row-number");
        columns.add(number);
        List<Column> resultColumns = model.columns();
        for (int i = 0; i < resultColumns.size(); i++) {
            int index = i;
            Column column = resultColumns.get(i);
            TableColumn<ResultRow, Object> tableColumn = new TableColumn<>(column.name());
            tableColumn.setSortable(model.sortableProperty().get());
            tableColumn.setComparator(ResultGridViewModel::compareValues);
            tableColumn.setPrefWidth(Math.max(90, Math.min(260, column.name().length() * 9 + 40)));
            tableColumn.setCellValueFactory(cell -> cell.getValue().loaded()
                    ? new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().value(index))
                    // a row still being fetched: the cell follows it until its values arrive
                    : Bindings.createObjectBinding(() -> cell.getValue().value(index), cell.getValue().valuesProperty()));
            tableColumn.setCellFactory(c -> new ValueCell(column.type()));
            columns.add(tableColumn);
        }
        table.getColumns().setAll(columns);
    }

    private void showRows() {
        javafx.collections.ObservableList<ResultRow> rows = model.rowsProperty().get();
        if (rows == null) {
            table.setItems(FXCollections.observableArrayList());
        } else if (model.sortableProperty().get()) {
            javafx.collections.transformation.SortedList<ResultRow> sorted =
                    new javafx.collections.transformation.SortedList<>(rows);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
        } else {
            table.getSortOrder().clear();
            table.setItems(rows);
        }
    }

    private void copy(boolean header) {
        var selected = table.getSelectionModel().getSelectedCells();
        if (selected.isEmpty()) {
            return;
        }
        TreeMap<Integer, ResultRow> rows = new TreeMap<>();
        TreeSet<Integer> columnIndexes = new TreeSet<>();
        for (TablePosition<?, ?> position : selected) {
            rows.put(position.getRow(), table.getItems().get(position.getRow()));
            int column = table.getColumns().indexOf(position.getTableColumn()) - 1;
            if (column >= 0) {
                columnIndexes.add(column);
            }
        }
        if (columnIndexes.isEmpty()) {
            for (int i = 0; i < model.columns().size(); i++) {
                columnIndexes.add(i);
            }
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(ResultGridViewModel.asText(model.columns(), new ArrayList<>(rows.values()),
                new ArrayList<>(columnIndexes), header));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void export(String kind, String extension, Consumer<String> status) {
        saveTarget.choose(kind, extension, getScene().getWindow()).ifPresent(file -> {
            status.accept("Exporting...");
            model.export(file, status);
        });
    }

    /**
     * A value, formatted for its type (numbers and dates in the organization's formats). NULL and not-yet-fetched values are marked with pseudo-classes: adding
     * and removing a style class would make JavaFX apply the whole style sheet to the cell again, for every
     * reused cell while scrolling.
     */
    private static final class ValueCell extends TableCell<ResultRow, Object> {
        private static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");
        private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending-value");
        private final ColumnType type;

        ValueCell(ColumnType type) {
            this.type = type;
            getStyleClass().add("value-cell");
            if (CellFormat.rightAligned(type)) {
                setAlignment(Pos.CENTER_RIGHT);
            }
        }

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            ResultRow row = getTableRow() == null ? null : getTableRow().getItem();
            boolean pending = !empty && row != null && !row.loaded();
            boolean isNull = !empty && row != null && row.loaded() && value == null;
            pseudoClassStateChanged(PENDING, pending);
            pseudoClassStateChanged(NULL_VALUE, isNull);
            if (empty || row == null) {
                setText(null);
            } else if (pending) {
                setText("\u2026");
            } else if (isNull) {
                setText("NULL");
            } else {
                setText(CellFormat.shown(value, type, CurrentFormats.get()));
            }
        }
    }
}
