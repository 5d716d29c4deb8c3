package io.sightline.desktop.editor;

import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.parameter.SqlDialect;
import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.api.SchemaTable;
import io.sightline.desktop.parameters.ParametersView;
import io.sightline.desktop.parameters.UndeclaredParameterBar;
import io.sightline.desktop.query.QueryPropertiesDialog;
import io.sightline.desktop.query.VersionHistoryView;
import io.sightline.desktop.results.ResultGridView;
import io.sightline.desktop.run.RunState;
import io.sightline.desktop.schema.SchemaViewModel;
import io.sightline.desktop.task.BackgroundTasks;
import io.sightline.desktop.visualization.VisualizationsView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** An editor tab: toolbar, SQL editor beside the parameters form, and below them the run's error or rows. */
public final class QueryTabView extends BorderPane {

    /** The toolbar's two choosers, narrow enough that a draft's toolbar fits a 1280 px window (QueryToolbarUiTest). */
    private static final double SOURCE_CHOOSER_WIDTH = 150;
    private static final double EARLIER_CHOOSER_WIDTH = 140;

    private final QueryTabViewModel model;
    private final BackgroundTasks tasks;
    private final SqlEditor editor;
    private final SplitPane vertical;
    private final SplitPane horizontal;
    private volatile List<SchemaTable> schema = List.of();
    private String pushed;
    private String sourceType;

    public QueryTabView(QueryTabViewModel model, SchemaViewModel schemas, BackgroundTasks tasks,
                        Executor highlightThread, Consumer<String> status) {
        this.model = model;
        this.tasks = tasks;
        getStyleClass().add("query-tab");
        editor = new SqlEditor(highlightThread, () -> schema);
        editor.setText(model.textProperty().get());
        pushed = model.textProperty().get();
        editor.setOnTextSettled(this::push);
        editor.setDataSourceType(() -> sourceType);
        editor.setSnippets(model::snippets);
        model.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(pushed)) { // loaded, reloaded or restored in the model: show it
                pushed = text;
                editor.setText(text);
            }
        });
        editor.area().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(event)) {
                run();
                event.consume();
            }
        });

        // toolbar
        Button run = new Button("\u25B6 Run");
        run.setId("run-button");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Run all, or the selection (Ctrl+Enter)"));
        run.setOnAction(e -> run());
        run.disableProperty().bind(model.run().busy());
        Button cancel = new Button("\u25A0 Cancel");
        cancel.setId("cancel-button");
        cancel.setTooltip(new Tooltip("Cancel the running query on the server"));
        cancel.setOnAction(e -> model.run().cancel());
        cancel.disableProperty().bind(model.run().busy().not());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.run().busy());
        spinner.managedProperty().bind(spinner.visibleProperty()); // no room kept in the toolbar while idle
        Label state = new Label();
        state.setId("run-status");
        state.textProperty().bind(Bindings.createStringBinding(() -> describe(model.run().stateProperty().get(),
                model.run().elapsedProperty().get()), model.run().stateProperty(), model.run().elapsedProperty()));
        state.managedProperty().bind(state.textProperty().isNotEmpty());

        ComboBox<DataSourceSummary> source = new ComboBox<>(schemas.dataSources());
        // a fixed width, a long name cut with an ellipsis (whole in the list and the tooltip): the toolbar overflows by
        // its items' preferred widths, and a long name's pushed Publish, History and Permissions into the overflow menu
        // of a draft at 1280 px (QueryToolbarUiTest)
        source.setPrefWidth(SOURCE_CHOOSER_WIDTH);
        source.setMaxWidth(SOURCE_CHOOSER_WIDTH);
        source.setId("tab-data-source");
        io.sightline.desktop.widgets.Cells.show(source, DataSourceSummary::name);
        source.setPromptText("data source");
        Tooltip sourceTip = new Tooltip();
        sourceTip.textProperty().bind(Bindings.createStringBinding(() -> source.getValue() == null
                ? "The data source this query runs on"
                : "Runs on " + source.getValue().name(), source.valueProperty()));
        source.setTooltip(sourceTip);
        Runnable showSource = () -> {
            DataSourceSummary current = schemas.dataSources().stream()
                    .filter(ds -> ds.id() == model.dataSourceIdProperty().get()).findFirst().orElse(null);
            source.setValue(current);
            sourceType = current == null ? null : current.type();
            model.dialectProperty().set(current == null ? SqlDialect.ANSI : current.dialect());
        };
        showSource.run();
        schemas.dataSources().addListener((javafx.collections.ListChangeListener<DataSourceSummary>) c -> {
            if (model.dataSourceIdProperty().get() <= 0 && !schemas.dataSources().isEmpty()) {
                model.dataSourceIdProperty().set(schemas.dataSources().get(0).id());
            }
            showSource.run();
        });
        if (model.dataSourceIdProperty().get() <= 0 && !schemas.dataSources().isEmpty()) {
            model.dataSourceIdProperty().set(schemas.dataSources().get(0).id());
        }
        source.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.dataSourceIdProperty().set(chosen.id());
            }
        });
        model.dataSourceIdProperty().addListener((obs, old, id) -> {
            showSource.run();
            schemas.schemaOf(id.longValue(), tables -> schema = tables);
        });
        if (model.dataSourceIdProperty().get() > 0) {
            schemas.schemaOf(model.dataSourceIdProperty().get(), tables -> schema = tables);
        }

        Button save = new Button("Save");
        save.setId("save-button");
        save.setTooltip(new Tooltip("Save (Ctrl+S)"));
        save.setOnAction(e -> save());
        save.disableProperty().bind(model.savingProperty());
        Button saveAs = new Button("Save as\u2026");
        saveAs.setId("save-as-button");
        saveAs.setOnAction(e -> saveAs());
        Button properties = new Button("Rename\u2026");
        properties.setTooltip(new Tooltip("Name, description and tags"));
        properties.setOnAction(e -> editProperties());
        properties.disableProperty().bind(model.queryIdProperty().isNull());
        Button history = new Button("History");
        history.setId("history-button");
        history.setTooltip(new Tooltip("Saved versions: compare and restore"));
        history.setOnAction(e -> showHistory());
        history.disableProperty().bind(model.queryIdProperty().isNull());
        Button permissions = new Button("Permissions\u2026");
        permissions.setId("permissions-button");
        permissions.setTooltip(new Tooltip("Manage who besides its owner and the admins may edit this query"));
        permissions.setOnAction(e -> showDialog(new io.sightline.desktop.permissions.PermissionsDialog(
                model.permissions())));
        permissions.disableProperty().bind(model.queryIdProperty().isNull());
        Label draftMarker = new Label(io.sightline.desktop.widgets.StarredCell.DRAFT);
        draftMarker.setId("draft-marker");
        draftMarker.getStyleClass().add("draft-marker");
        draftMarker.setTooltip(new Tooltip("Not published yet: only its owner sees it in the lists"));
        draftMarker.visibleProperty().bind(model.draftProperty());
        draftMarker.managedProperty().bind(draftMarker.visibleProperty());
        Button publish = new Button("Publish");
        publish.setId("publish-button");
        publish.setTooltip(new Tooltip("Publish the saved query: it then shows in everyone's lists"));
        publish.setOnAction(e -> model.publish());
        publish.visibleProperty().bind(model.draftProperty().and(model.canEditProperty()));
        publish.managedProperty().bind(publish.visibleProperty());
        publish.disableProperty().bind(model.publishingProperty());
        Label message = new Label();
        message.setId("tab-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        ComboBox<QueryTabViewModel.EarlierResult> earlier = new ComboBox<>(model.history());
        earlier.setId("result-history");
        earlier.setPromptText("Earlier results");
        earlier.setPrefWidth(EARLIER_CHOOSER_WIDTH);
        earlier.setTooltip(new Tooltip("Results of this tab's earlier runs"));
        io.sightline.desktop.widgets.Cells.show(earlier, QueryTabViewModel.EarlierResult::label);
        earlier.disableProperty().bind(javafx.beans.binding.Bindings.size(model.history()).lessThan(2)
                .or(model.run().busy()));
        earlier.valueProperty().addListener((obs, old, chosen) -> model.showEarlier(chosen));
        model.history().addListener((javafx.collections.ListChangeListener<QueryTabViewModel.EarlierResult>) c ->
                earlier.setValue(null));
        // two toolbars side by side: the query's own actions on the right are never cut; when the window is too
        // narrow (a draft at 1280 px while a query runs), the run's side gives way, its choosers going into its
        // overflow menu first
        ToolBar runBar = new ToolBar(run, cancel, spinner, state, new Separator(Orientation.VERTICAL), source,
                earlier);
        runBar.setId("run-toolbar");
        runBar.setMinWidth(0);
        ToolBar queryBar = new ToolBar(message, draftMarker, save, publish, saveAs, properties, history, permissions);
        queryBar.setId("query-toolbar");
        queryBar.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(runBar, Priority.ALWAYS);
        HBox toolbar = new HBox(runBar, queryBar);
        toolbar.getStyleClass().add("query-toolbars");

        // error panel
        TextArea error = new TextArea();
        error.setId("run-error");
        error.setEditable(false);
        error.setWrapText(true);
        error.setPrefRowCount(3);
        error.getStyleClass().add("run-error");
        error.textProperty().bind(model.run().errorProperty());
        error.visibleProperty().bind(model.run().errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.run().errorLineProperty().addListener((obs, old, line) -> editor.markErrorLine(line.intValue()));

        ResultGridView grid = new ResultGridView(model.results(), status);
        VisualizationsView results = new VisualizationsView(model.visualizations(), grid, status);
        VBox bottom = new VBox(error, results);
        VBox.setVgrow(results, Priority.ALWAYS);

        ParametersView parameters = new ParametersView(model.parameters());
        parameters.setMinWidth(0);
        VBox editorColumn = new VBox(new UndeclaredParameterBar(model.parameters()), editor);
        VBox.setVgrow(editor, Priority.ALWAYS);
        horizontal = new SplitPane(editorColumn, parameters);
        horizontal.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(parameters, false);
        vertical = new SplitPane(horizontal, bottom);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.5);
        setTop(toolbar);
        setCenter(vertical);
        setPadding(new Insets(0));

        model.conflictProperty().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                javafx.application.Platform.runLater(() -> resolveConflict(conflict));
            }
        });
    }

    private void push(String text) {
        pushed = text;
        model.textProperty().set(text);
    }

    /** Hands the view model the text as it is now, without waiting for a pause in typing. */
    public void flush() {
        String now = editor.area().getText();
        if (!now.equals(pushed)) {
            push(now);
        }
    }

    public void run() {
        flush();
        model.run(editor.textToRun(), editor.firstLineToRun());
    }

    public SqlEditor editor() {
        return editor;
    }

    public QueryTabViewModel model() {
        return model;
    }

    public double[] dividers() {
        return new double[] {vertical.getDividerPositions()[0], horizontal.getDividerPositions()[0]};
    }

    public void setDividers(double verticalPosition, double horizontalPosition) {
        vertical.setDividerPositions(verticalPosition);
        horizontal.setDividerPositions(horizontalPosition);
    }

    /** Saves; a query never saved asks for its name first. */
    public void save() {
        flush();
        if (model.isNew()) {
            saveAs();
        } else {
            model.save(() -> { });
        }
    }

    public void saveAs() {
        flush();
        Dialogs.ownedBy(this, new QueryPropertiesDialog("Save as", model.isNew() ? model.nameProperty().get()
                : model.nameProperty().get() + " (copy)", model.descriptionProperty().get(),
                model.tagsProperty().get())).showAndWait().ifPresent(chosen -> {
                    model.descriptionProperty().set(chosen.description());
                    model.tagsProperty().set(chosen.tags());
                    model.saveAsNew(chosen.name(), () -> { });
                });
    }

    private void editProperties() {
        flush();
        Dialogs.ownedBy(this, new QueryPropertiesDialog("Name, description and tags", model.nameProperty().get(),
                model.descriptionProperty().get(), model.tagsProperty().get())).showAndWait().ifPresent(chosen -> {
                    model.nameProperty().set(chosen.name());
                    model.descriptionProperty().set(chosen.description());
                    model.tagsProperty().set(chosen.tags());
                    model.save(() -> { });
                });
    }

    private void showHistory() {
        Long id = model.queryIdProperty().get();
        if (id != null) {
            Dialogs.ownedBy(this, new VersionHistoryView(model.versionHistory(id), model::restore)).show();
        }
    }

    private void resolveConflict(QueryTabViewModel.Conflict conflict) {
        ButtonType reload = new ButtonType("Reload theirs", ButtonBar.ButtonData.LEFT);
        ButtonType overwrite = new ButtonType("Overwrite with mine", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", reload, overwrite, keep);
        alert.setTitle("Someone else saved this query");
        alert.setHeaderText(conflict.theirAuthor() + " saved version " + conflict.theirVersion()
                + " after you opened \"" + model.nameProperty().get() + "\".");
        alert.setContentText("Reload theirs: your unsaved changes here are discarded.\n"
                + "Overwrite with mine: your text becomes the newest version (theirs stays in the history).");
        alert.getDialogPane().setId("conflict-dialog");
        ButtonType choice = Dialogs.ownedBy(this, alert).showAndWait().orElse(keep);
        if (choice == reload) {
            model.reloadFromServer();
        } else if (choice == overwrite) {
            model.overwrite(() -> { });
        } else {
            model.dismissConflict();
        }
    }

    static String describe(RunState state, Duration elapsed) {
        if (state == RunState.IDLE) {
            return "";
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        return state.label() + " \u00B7 " + seconds;
    }

    public void dispose() {
        editor.dispose();
    }

    private void showDialog(javafx.scene.control.Dialog<?> dialog) {
        Dialogs.ownedBy(this, dialog);
        if (getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets()); // the theme
        }
        dialog.show();
    }
}
