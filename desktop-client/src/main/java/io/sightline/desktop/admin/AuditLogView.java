package io.sightline.desktop.admin;

import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Admin → Audit log: the server's filters above, the events of one page in a table (newest first), the chosen
 * event's JSON below it, paging, progress with Cancel, and the export of the filter to CSV or JSON Lines below.
 */
public final class AuditLogView extends Dialog<Void> {

    public AuditLogView(AuditLogViewModel model) {
        setTitle("Audit log");
        setResizable(true);

        TextField user = field("audit-user", "user id", model.userIdProperty(), model);
        ComboBox<String> action = choice("audit-action", "any action", AuditLogViewModel.ACTIONS,
                model.actionProperty(), model);
        ComboBox<String> objectType = choice("audit-object-type", "any object", AuditLogViewModel.OBJECT_TYPES,
                model.objectTypeProperty(), model);
        TextField objectId = field("audit-object-id", "object id", model.objectIdProperty(), model);
        TextField since = field("audit-since", "1d, 12h, 2026-12-06 or 2026-12-06T09:00:00Z", model.sinceProperty(), model);
        since.setPrefColumnCount(22);
        TextField until = field("audit-until", "as Since; up to, not including", model.untilProperty(), model);
        until.setPrefColumnCount(22);
        Button search = button("audit-search", "Search", model::search);
        search.setDefaultButton(true);
        Button clear = button("audit-clear", "Clear filters", model::clearFilters);
        Button refresh = button("audit-refresh", "Refresh", model::refresh);

        GridPane filters = new GridPane();
        filters.setHgap(6);
        filters.setVgap(4);
        filters.addRow(0, new Label("User"), user, new Label("Action"), action, new Label("Object type"), objectType,
                new Label("Object id"), objectId);
        filters.addRow(1, new Label("Since"), since, new Label("Until"), until, new HBox(6, search, clear, refresh));
        GridPane.setColumnSpan(filters.getChildren().get(filters.getChildren().size() - 1), 4);

        TableView<AuditLogViewModel.Row> table = new TableView<>(model.rows());
        table.setId("audit-table");
        table.setPlaceholder(new Label("No events shown: Search loads them."));
        table.getColumns().add(column("Time", 150, AuditLogViewModel.Row::time));
        table.getColumns().add(column("User", 150, AuditLogViewModel.Row::user));
        table.getColumns().add(column("Action", 205, AuditLogViewModel.Row::action));
        table.getColumns().add(column("Object", 110, AuditLogViewModel.Row::object));
        table.getColumns().add(column("Client address", 110, AuditLogViewModel.Row::address));
        table.getColumns().add(column("Outcome", 75, AuditLogViewModel.Row::outcome));
        table.getColumns().add(column("Details", 480, AuditLogViewModel.Row::details));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != model.selectedProperty().get()) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });

        TextArea detail = new TextArea();
        detail.setId("audit-detail");
        detail.setEditable(false);
        detail.setPromptText("Choose an event to see it as the server sent it.");
        detail.setStyle("-fx-font-family: \"DejaVu Sans Mono\", \"Consolas\", \"Menlo\", monospace;");
        detail.textProperty().bind(model.detailProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);

        Button previous = button("audit-previous", "\u25C0 Previous", model::previous);
        previous.disableProperty().bind(model.hasPrevious().not().or(model.busyProperty()));
        Button next = button("audit-next", "Next \u25B6", model::next);
        next.disableProperty().bind(model.hasNext().not().or(model.busyProperty()));
        Label pageText = new Label();
        pageText.setId("audit-page");
        pageText.textProperty().bind(model.pageTextProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.busyProperty());
        Label progress = new Label();
        progress.setId("audit-progress");
        progress.textProperty().bind(model.progressProperty());
        Button cancel = button("audit-cancel", "Cancel", model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        Button csv = button("audit-export-csv", "Export CSV\u2026", () -> export(model, "csv", "CSV", "*.csv"));
        Button jsonl = button("audit-export-jsonl", "Export JSON Lines\u2026",
                () -> export(model, "jsonl", "JSON Lines", "*.jsonl"));
        csv.disableProperty().bind(model.busyProperty());
        jsonl.disableProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, previous, pageText, next, spinner, progress, cancel, gap, csv, jsonl);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("audit-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label message = new Label();
        message.setId("audit-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        VBox bottom = new VBox(6, bar, error, message);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        VBox top = new VBox(filters);
        top.setPadding(new Insets(0, 0, 8, 0));
        BorderPane content = new BorderPane(split, top, null, bottom, null);
        content.setPrefSize(1340, 720);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setOnHidden(e -> model.cancel());
        model.search();
    }

    private static TextField field(String id, String prompt, StringProperty value, AuditLogViewModel model) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(12);
        field.textProperty().bindBidirectional(value);
        field.setOnAction(e -> model.search());
        return field;
    }

    private static ComboBox<String> choice(String id, String prompt, java.util.List<String> offered,
                                           StringProperty value, AuditLogViewModel model) {
        ComboBox<String> choice = new ComboBox<>();
        choice.getItems().setAll(offered);
        choice.setId(id);
        choice.setEditable(true);
        choice.setPromptText(prompt);
        choice.setPrefWidth(170);
        choice.getEditor().textProperty().bindBidirectional(value);
        choice.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(value.get())) {
                value.set(chosen);
            }
        });
        choice.getEditor().setOnAction(e -> model.search());
        return choice;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static TableColumn<AuditLogViewModel.Row, String> column(String title, double width,
                                                                     Function<AuditLogViewModel.Row, String> text) {
        TableColumn<AuditLogViewModel.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private void export(AuditLogViewModel model, String format, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit log");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName("sightline-events." + format);
        File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), format);
        }
    }
}
