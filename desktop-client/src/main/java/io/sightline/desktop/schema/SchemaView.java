package io.sightline.desktop.schema;

import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.desktop.api.SchemaTable;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Data source chooser, search field and the schema tree. Column nodes are made only when a table is
 * expanded, so a schema of thousands of tables costs one node per visible table.
 */
public final class SchemaView extends VBox {

    /** A node of the tree: a table or one of its columns. */
    sealed interface Node permits TableNode, ColumnNode {
        String insertText();
    }

    record TableNode(SchemaTable table) implements Node {
        public String insertText() {
            return table.name();
        }
    }

    record ColumnNode(SchemaTable.SchemaColumn column) implements Node {
        public String insertText() {
            return column.name();
        }
    }

    private final TreeView<Node> tree = new TreeView<>();

    public SchemaView(SchemaViewModel model, Consumer<String> insert) {
        getStyleClass().add("schema-view");
        setSpacing(6);
        setPadding(new Insets(6));

        ComboBox<DataSourceSummary> sources = new ComboBox<>(model.dataSources());
        sources.setId("data-source-chooser");
        io.sightline.desktop.widgets.Cells.show(sources, DataSourceSummary::name);
        sources.setMaxWidth(Double.MAX_VALUE);
        sources.valueProperty().bindBidirectional(model.selectedProperty());
        HBox.setHgrow(sources, Priority.ALWAYS);
        Button refresh = new Button("\u21BB");
        refresh.setId("schema-refresh");
        refresh.setTooltip(new Tooltip("Refresh the schema from the database"));
        refresh.setOnAction(e -> model.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        TextField search = new TextField();
        search.setId("schema-search");
        search.setPromptText("Search tables and columns");
        search.textProperty().bindBidirectional(model.filterProperty());

        Label message = new Label();
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        tree.setId("schema-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(view -> new SchemaCell());
        tree.setOnMouseClicked(event -> {
            TreeItem<Node> item = tree.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && item != null
                    && item.getValue() instanceof ColumnNode) {
                insert.accept(item.getValue().insertText());
            }
        });
        tree.setOnKeyPressed(event -> {
            TreeItem<Node> item = tree.getSelectionModel().getSelectedItem();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && item != null) {
                insert.accept(item.getValue().insertText());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);

        model.visibleTables().addListener((ListChangeListener<SchemaTable>) change -> rebuild(model.visibleTables()));
        getChildren().addAll(new HBox(6, sources, busy, refresh), search, message, tree);
        rebuild(model.visibleTables());
    }

    private void rebuild(ObservableList<SchemaTable> tables) {
        var items = tree.getRoot().getChildren();
        items.clear();
        for (SchemaTable table : tables) {
            items.add(new TableItem(table));
        }
    }

    /** Makes its column children on first expansion. */
    private static final class TableItem extends TreeItem<Node> {
        private boolean loaded;

        TableItem(SchemaTable table) {
            super(new TableNode(table));
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public ObservableList<TreeItem<Node>> getChildren() {
            if (!loaded) {
                loaded = true;
                SchemaTable table = ((TableNode) getValue()).table();
                for (SchemaTable.SchemaColumn column : table.columns()) {
                    super.getChildren().add(new TreeItem<>(new ColumnNode(column)));
                }
            }
            return super.getChildren();
        }
    }

    private static final class SchemaCell extends TreeCell<Node> {
        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("schema-table", "schema-column");
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (node instanceof TableNode table) {
                setText(table.table().name());
                getStyleClass().add("schema-table");
                setGraphic(null);
            } else if (node instanceof ColumnNode column) {
                setText(column.column().name());
                getStyleClass().add("schema-column");
                Label type = new Label(column.column().type() == null ? "" : column.column().type());
                type.getStyleClass().add("column-type");
                setGraphic(type);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            }
        }
    }
}
