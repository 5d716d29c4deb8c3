package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.check;
import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.grid;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import io.sightline.common.api.visualization.Visualization;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The visualization editor: the form on the left (type, name, column mapping, stacking, legend, formats, axes; counter
 * and pivot fields for those types), the live preview on the right, redrawn on every change.
 */
public final class VisualizationEditorView extends BorderPane {

    private final VisualizationEditorViewModel model;
    private final VisualizationRenderers renderers;
    private final BorderPane preview = new BorderPane();
    private final VBox form = new VBox(6);

    public VisualizationEditorView(VisualizationEditorViewModel model, VisualizationRenderers renderers,
                                   Runnable onSaved, Runnable onCancel) {
        this.model = model;
        this.renderers = renderers;
        setId("visualization-editor");
        getStyleClass().add("visualization-editor");

        ComboBox<String> type = combo("editor-type", FXCollections.observableArrayList(
                VisualizationEditorViewModel.TYPES), model.typeProperty());
        TextField name = new TextField();
        name.setId("editor-name");
        name.textProperty().bindBidirectional(model.nameProperty());

        GridPane common = grid();
        row(common, 0, "Type", type);
        row(common, 1, "Name", name);

        // chart
        GridPane chart = grid();
        ComboBox<String> chartType = combo("editor-chart-type", FXCollections.observableArrayList(
                ChartOptionsViewModel.CHART_TYPES), model.chart().chartTypeProperty());
        ComboBox<String> x = combo("editor-x", model.columns(), model.chart().xColumnProperty());
        ListView<String> y = new ListView<>(model.columns());
        y.setId("editor-y");
        y.setPrefHeight(90);
        y.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        model.chart().yColumns().forEach(c -> y.getSelectionModel().select(c));
        y.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c ->
                model.chart().yColumns().setAll(List.copyOf(y.getSelectionModel().getSelectedItems())));
        ComboBox<String> series = combo("editor-series", withNone(model.columns()), model.chart().seriesColumnProperty());
        ComboBox<String> stacking = combo("editor-stacking", FXCollections.observableArrayList(
                ChartOptionsViewModel.STACKINGS), model.chart().stackingProperty());
        CheckBox horizontal = check("editor-horizontal", "Horizontal bars", model.chart().horizontalProperty());
        CheckBox legend = check("editor-legend", "Legend", model.chart().legendProperty());
        CheckBox labels = check("editor-labels", "Data labels", model.chart().dataLabelsProperty());
        row(chart, 0, "Chart", chartType);
        row(chart, 1, "X column", x);
        row(chart, 2, "Y columns", y);
        Node seriesRow = row(chart, 3, "Series by", series);
        row(chart, 4, "Stacking", stacking);
        row(chart, 5, "", new VBox(4, horizontal, legend, labels));
        row(chart, 6, "Number format", field("editor-number-format", model.chart().numberFormatProperty()));
        row(chart, 7, "Percent format", field("editor-percent-format", model.chart().percentFormatProperty()));
        row(chart, 8, "Date format", field("editor-date-format", model.chart().dateTimeFormatProperty()));
        Node[] heatmapRows = {
            row(chart, 9, "Color column", combo("editor-z", withNone(model.columns()), model.chart().zColumnProperty())),
            row(chart, 10, "Color scheme", combo("editor-color-scheme", withNone(FXCollections.observableArrayList(
                    ChartOptionsViewModel.COLOR_SCHEMES)), model.chart().colorSchemeProperty())),
            row(chart, 11, "Min color", field("editor-heat-min", model.chart().heatMinColorProperty())),
            row(chart, 12, "Max color", field("editor-heat-max", model.chart().heatMaxColorProperty()))};
        VBox rightAxis = new VBox(4);
        rightAxis.setId("editor-right-axis");
        Node[] axisRows = {row(chart, 13, "Right Y axis", rightAxis)};
        Runnable axisChoices = () -> rightAxis.getChildren().setAll(model.chart().chartSeries().stream().map(seriesName -> {
            CheckBox box = new CheckBox(seriesName);
            box.setId("editor-right-axis-" + seriesName);
            box.setSelected(model.chart().rightAxisSeries().contains(seriesName));
            box.selectedProperty().addListener((obs, old, on) -> {
                if (on && !model.chart().rightAxisSeries().contains(seriesName)) {
                    model.chart().rightAxisSeries().add(seriesName);
                } else if (!on) {
                    model.chart().rightAxisSeries().remove(seriesName);
                }
            });
            return box;
        }).toList());
        model.chart().chartSeries().addListener((ListChangeListener<String>) c -> axisChoices.run());
        axisChoices.run();
        AxesOptionsView axes = new AxesOptionsView(model.chart().axes());
        SeriesOptionsView seriesOptions = new SeriesOptionsView(model.chart().seriesOptions(),
                model.chart().chartSeries());
        VBox seriesSection = new VBox(seriesOptions);
        ComparisonOptionsView comparison = new ComparisonOptionsView(model.chart().comparison(), model.columns());
        VBox chartSection = new VBox(10, chart, seriesSection, axes, comparison);
        Runnable chartRows = () -> {
            boolean heatmap = "heatmap".equals(model.chart().chartTypeProperty().get());
            boolean custom = ChartOptionsViewModel.CUSTOM_SCHEME.equals(model.chart().colorSchemeProperty().get());
            for (int i = 0; i < heatmapRows.length; i++) {
                show(heatmapRows[i], heatmap && (i < 2 || custom));
            }
            show(seriesRow, !heatmap);
            show(axisRows[0], model.chart().secondAxisOffered());
            boolean pie = "pie".equals(model.chart().chartTypeProperty().get());
            axes.setVisible(!pie);
            axes.setManaged(!pie);
            boolean overTime = !pie && !heatmap && !"box".equals(model.chart().chartTypeProperty().get());
            comparison.setVisible(overTime);
            comparison.setManaged(overTime);
            boolean ownSeries = !pie && !heatmap; // a pie's colours are its slices', a heatmap's its scale
            seriesSection.setVisible(ownSeries);
            seriesSection.setManaged(ownSeries);
            axes.showRightAxis(model.chart().secondAxisOffered() && !model.chart().rightAxisSeries().isEmpty());
        };
        model.chart().chartTypeProperty().addListener(o -> chartRows.run());
        model.chart().colorSchemeProperty().addListener(o -> chartRows.run());
        model.chart().horizontalProperty().addListener(o -> chartRows.run());
        model.chart().rightAxisSeries().addListener((ListChangeListener<String>) c -> chartRows.run());
        chartRows.run();

        // counter
        GridPane counter = grid();
        row(counter, 0, "Value column", combo("editor-counter-column", model.columns(),
                model.counterColumnProperty()));
        row(counter, 1, "Target column", combo("editor-target-column", withNone(model.columns()),
                model.targetColumnProperty()));
        row(counter, 2, "Label", field("editor-counter-label", model.counterLabelProperty()));
        row(counter, 3, "Prefix", field("editor-prefix", model.prefixProperty()));
        row(counter, 4, "Suffix", field("editor-suffix", model.suffixProperty()));
        row(counter, 5, "Decimals", field("editor-decimals", model.decimalsProperty()));

        // pivot
        GridPane pivot = grid();
        row(pivot, 0, "Rows", combo("editor-pivot-rows", model.columns(), model.pivotRowsProperty()));
        row(pivot, 1, "Columns", combo("editor-pivot-cols", withNone(model.columns()), model.pivotColsProperty()));
        row(pivot, 2, "Values", combo("editor-pivot-vals", model.columns(), model.pivotValsProperty()));
        row(pivot, 3, "Aggregator", combo("editor-aggregator", FXCollections.observableArrayList(
                VisualizationEditorViewModel.AGGREGATORS), model.aggregatorProperty()));

        FunnelOptionsView funnel = new FunnelOptionsView(model.funnel(), model.columns());
        CohortOptionsView cohort = new CohortOptionsView(model.cohort(), model.columns());
        WordCloudOptionsView wordCloud = new WordCloudOptionsView(model.wordCloud(), model.columns());
        ChoroplethOptionsView choropleth = new ChoroplethOptionsView(model.choropleth(), model.columns());
        MapOptionsView map = new MapOptionsView(model.map(), model.columns());
        TableOptionsView table = new TableOptionsView(model.table());

        Label warnings = new Label();
        warnings.setId("editor-warnings");
        warnings.getStyleClass().add("result-warning");
        warnings.setWrapText(true);
        warnings.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.warnings()),
                model.warnings()));
        Label message = new Label();
        message.setId("editor-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        Runnable showSections = () -> {
            String chosen = model.typeProperty().get();
            form.getChildren().setAll(common);
            switch (chosen == null ? "" : chosen) {
                case "CHART" -> form.getChildren().add(chartSection);
                case "COUNTER" -> form.getChildren().add(counter);
                case "PIVOT" -> form.getChildren().add(pivot);
                case "FUNNEL" -> form.getChildren().add(funnel);
                case "COHORT" -> form.getChildren().add(cohort);
                case "WORD_CLOUD" -> form.getChildren().add(wordCloud);
                case "CHOROPLETH" -> form.getChildren().add(choropleth);
                case "MAP" -> form.getChildren().add(map);
                case "TABLE" -> form.getChildren().add(table);
                case "SANKEY" -> form.getChildren().add(wrapped("Rows: stage1 … stage5 (a stage may be empty) and"
                        + " value, the number of times the sequence happened."));
                case "SUNBURST_SEQUENCE" -> form.getChildren().add(wrapped("Rows: stage1 … stage5 and value (the"
                        + " number of times the sequence happened), or one row per step: sequence, stage, node,"
                        + " value."));
                default -> form.getChildren().add(new Label("This type has no settings here; its saved options are"
                        + " kept."));
            }
            form.getChildren().addAll(warnings, message);
        };
        model.typeProperty().addListener((obs, old, t) -> showSections.run());
        showSections.run();

        Button save = new Button("Save");
        save.setId("editor-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> model.save(onSaved));
        Button overwrite = new Button("Overwrite theirs");
        overwrite.setId("editor-overwrite");
        overwrite.visibleProperty().bind(model.conflictProperty());
        overwrite.managedProperty().bind(overwrite.visibleProperty());
        overwrite.setOnAction(e -> model.overwrite(onSaved));
        Button cancel = new Button("Close");
        cancel.setId("editor-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, overwrite, cancel, save);
        buttons.setPadding(new Insets(8));

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        form.setPadding(new Insets(8));
        form.setPrefWidth(360);
        preview.setId("editor-preview");
        preview.setPadding(new Insets(8));
        SplitPane split = new SplitPane(formScroll, preview);
        split.setDividerPositions(0.38);
        setCenter(split);
        setBottom(buttons);

        model.previewProperty().addListener((obs, old, options) -> redraw());
        redraw();
    }

    private void redraw() {
        preview.setCenter(renderers.render(model.typeProperty().get(), model.previewProperty().get(),
                model.resultProperty().get()));
    }

    /** Shows or hides a form row: its label and field (the field node stands for both). */
    /** A note in the form: what the type expects of the result (it has no options). */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("muted");
        return label;
    }

    private static void show(Node row, boolean visible) {
        ((GridPane) row.getParent()).getChildren().stream()
                .filter(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(row)))
                .forEach(n -> {
                    n.setVisible(visible);
                    n.setManaged(visible);
                });
    }

    /** Opens the editor in its own window over {@code owner}; {@code onSaved} gets the saved visualization. */
    static void open(Node owner, VisualizationEditorViewModel model, VisualizationRenderers renderers,
                     Consumer<Visualization> onSaved) {
        Stage stage = new Stage();
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            stage.initOwner(window);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(model.isNew() ? "New visualization" : "Edit visualization");
        VisualizationEditorView view = new VisualizationEditorView(model, renderers, () -> {
            stage.close();
        }, stage::close);
        Scene scene = new Scene(view, 1000, 620);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        model.savedProperty().addListener((obs, old, saved) -> {
            if (saved != null) {
                onSaved.accept(saved);
            }
        });
        stage.show();
    }
}
