package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.sightline.common.api.query.Query;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.visualization.ImageExport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visualization editor against the real server: a chart built in the form, previewed, saved, conflicts. */
class VisualizationEditorUiTest extends UiSupport {

    @TempDir
    Path home;

    private final String marker = "vizui" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        launchWorkbench(home);
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    private Query openAndRun(String sql) {
        SightlineClient client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        Query query = queriesApi.createQuery(new QueryDraft(dataSourcesApi.dataSources().get(0).id(), marker, "", sql,
                List.of(), List.of(), null));
        interact(() -> app.workbench().openQuery(query.id()));
        waitUntil(15, "the query open", () -> app.workbench().selectedProperty().get() != null
                && Long.valueOf(query.id()).equals(app.workbench().selectedProperty().get().queryIdProperty().get()));
        clickOn(inTab("#run-button", Button.class));
        waitUntil(60, "the result read for the visualizations",
                () -> app.workbench().selectedProperty().get().visualizations().resultProperty().get() != null);
        return query;
    }

    private <T extends Node> T anywhere(String selector, Class<T> type) {
        return fx(() -> lookup(selector).tryQuery().filter(type::isInstance).map(type::cast).orElse(null));
    }

    @Test
    void aChartBuiltInTheEditorIsPreviewedSavedAndShownAsATab() {
        Query query = openAndRun("SELECT region, SUM(revenue) AS revenue FROM sales.daily_revenue GROUP BY region");
        clickOn(inTab("#new-visualization", Button.class));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);

        // the first column is x and the first numeric one y, as in Redash; a column chart previews at once
        waitUntil(10, "the column preview", () -> anywhere("#editor-preview", Node.class).lookup("#chart-bars")
                != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> chartType = anywhere("#editor-chart-type", ComboBox.class);
        interact(() -> chartType.setValue("pie"));
        waitUntil(10, "the pie preview", () -> anywhere("#editor-preview", Node.class).lookup("#chart-pie")
                != null);
        PieChart preview = fx(() -> (PieChart) anywhere("#editor-preview", Node.class).lookup("#chart-pie"));
        int regions = fx(() -> preview.getData().size());
        assertThat(regions).isGreaterThan(1);
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Share by region"));
        clickOn(anywhere("#editor-save", Button.class));

        waitUntil(20, "the saved visualization's tab", () -> {
            TabPane tabs = inTab("#visualization-tabs", TabPane.class);
            return tabs.getTabs().stream().anyMatch(t -> t.getText().equals("Share by region"));
        });
        Visualization saved = new QueriesClient(app.workbench().client()).query(query.id()).visualizations().stream()
                .filter(v -> v.name().equals("Share by region")).findFirst().orElseThrow();
        assertThat(saved.type()).isEqualTo("CHART");
        assertThat(saved.options()).containsEntry("globalSeriesType", "pie")
                .containsEntry("columnMapping", Map.of("region", "x", "revenue", "y"));
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Share by region")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        assertThat(fx(() -> ((PieChart) tab.getContent().lookup("#chart-pie")).getData().size())).isEqualTo(regions);
    }

    @Test
    void aFunnelBuiltWithTheEditorsControlsIsPreviewedAndSaved() {
        Query query = openAndRun("SELECT * FROM (VALUES ('Visited', 1000), ('Signed up', 400), ('Paid', 50))"
                + " t(step, users)");
        clickOn(inTab("#new-visualization", Button.class));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> type = anywhere("#editor-type", ComboBox.class);
        interact(() -> type.setValue("FUNNEL"));
        waitUntil(10, "the funnel fields", () -> anywhere("#editor-funnel-step", ComboBox.class) != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> step = anywhere("#editor-funnel-step", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> value = anywhere("#editor-funnel-value", ComboBox.class);
        interact(() -> {
            step.setValue("step");
            value.setValue("users");
        });
        TextField valueTitle = anywhere("#editor-funnel-value-title", TextField.class);
        interact(() -> valueTitle.setText("Users"));
        waitUntil(10, "the funnel preview", () -> anywhere("#editor-preview", Node.class).lookup("#funnel-grid")
                != null);
        assertThat(fx(() -> anywhere("#editor-warnings", Label.class).getText())).isEmpty();
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Signup funnel"));
        clickOn(anywhere("#editor-save", Button.class));

        waitUntil(20, "the saved funnel's tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs()
                .stream().anyMatch(t -> t.getText().equals("Signup funnel")));
        Visualization saved = new QueriesClient(app.workbench().client()).query(query.id()).visualizations().stream()
                .filter(v -> v.name().equals("Signup funnel")).findFirst().orElseThrow();
        assertThat(saved.type()).isEqualTo("FUNNEL");
        assertThat(saved.options()).containsEntry("stepCol", Map.of("colName", "step", "displayAs", "Steps"))
                .containsEntry("valueCol", Map.of("colName", "users", "displayAs", "Users"))
                .containsEntry("autoSort", true)
                .containsEntry("sortKeyCol", Map.of("colName", "users", "reverse", true));
    }

    @Test
    void aChoroplethBuiltWithTheEditorsControlsIsPreviewedSavedAndDrawnInItsTab() {
        Query query = openAndRun("SELECT * FROM (VALUES ('BRA', 120.0), ('CAN', 40.0), ('FRA', 75.0))"
                + " t(country, revenue)");
        clickOn(inTab("#new-visualization", Button.class));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> type = anywhere("#editor-type", ComboBox.class);
        interact(() -> type.setValue("CHOROPLETH"));
        waitUntil(10, "the choropleth fields", () -> anywhere("#editor-choropleth-field", ComboBox.class) != null);
        waitUntil(10, "the map previewed", () -> anywhere("#editor-preview", Node.class).lookup(".sightline-map")
                != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> field = anywhere("#editor-choropleth-field", ComboBox.class);
        interact(() -> field.setValue("iso_a3"));
        TextField steps = anywhere("#editor-choropleth-steps", TextField.class);
        interact(() -> steps.setText("3"));
        waitUntil(10, "no warning, the map drawn", () -> anywhere("#editor-warnings", Label.class)
                .getText().isEmpty() && anywhere("#editor-preview", Node.class).lookup(".sightline-map") != null);
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Revenue by country"));
        clickOn(anywhere("#editor-save", Button.class));

        waitUntil(20, "the saved map's tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs()
                .stream().anyMatch(t -> t.getText().equals("Revenue by country")));
        Visualization saved = new QueriesClient(app.workbench().client()).query(query.id()).visualizations().stream()
                .filter(v -> v.name().equals("Revenue by country")).findFirst().orElseThrow();
        assertThat(saved.type()).isEqualTo("CHOROPLETH");
        assertThat(saved.options()).containsEntry("keyColumn", "country").containsEntry("targetField", "iso_a3")
                .containsEntry("valueColumn", "revenue").containsEntry("steps", 3);
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Revenue by country")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        waitUntil(10, "the map in its tab", () -> tab.getContent() != null
                && tab.getContent().lookup(".sightline-map") != null);
    }

    @Test
    void aLogarithmicYAxisChosenInTheEditorIsSavedAndDrawnInPowersOfTen() {
        Query query = openAndRun("SELECT * FROM (VALUES (1, 1.0), (2, 10.0), (3, 100.0), (4, 1000.0))"
                + " t(day, users)");
        clickOn(inTab("#new-visualization", Button.class));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> chartType = anywhere("#editor-chart-type", ComboBox.class);
        interact(() -> chartType.setValue("line"));
        @SuppressWarnings("unchecked")
        ComboBox<String> scale = anywhere("#editor-left-axis-type", ComboBox.class);
        assertThat(fx(() -> scale.getConverter().toString(scale.getValue()))).isEqualTo("Linear");
        interact(() -> scale.setValue("logarithmic"));
        TextField title = anywhere("#editor-left-axis-title", TextField.class);
        interact(() -> title.setText("Users"));
        TextField min = anywhere("#editor-left-axis-min", TextField.class);
        interact(() -> min.setText("0"));
        waitUntil(10, "the bound warned about", () -> anywhere("#editor-warnings", Label.class).getText()
                .contains("Y axis is logarithmic: its min and max must be above 0."));
        interact(() -> min.setText(""));
        waitUntil(10, "the log axis previewed", () -> anywhere("#editor-preview", Node.class).lookup("#chart-line")
                instanceof javafx.scene.chart.XYChart<?, ?> line
                && line.getYAxis() instanceof io.sightline.desktop.visualization.chart.LogarithmicAxis);
        assertThat(fx(() -> anywhere("#editor-warnings", Label.class).getText())).isEmpty();
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Growth, log scale"));
        clickOn(anywhere("#editor-save", Button.class));

        waitUntil(20, "the saved chart's tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs()
                .stream().anyMatch(t -> t.getText().equals("Growth, log scale")));
        Visualization saved = new QueriesClient(app.workbench().client()).query(query.id()).visualizations().stream()
                .filter(v -> v.name().equals("Growth, log scale")).findFirst().orElseThrow();
        assertThat(((List<?>) saved.options().get("yAxis")).get(0))
                .isEqualTo(Map.of("type", "logarithmic", "title", Map.of("text", "Users")));
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Growth, log scale")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        waitUntil(10, "the chart in its tab", () -> tab.getContent() != null
                && tab.getContent().lookup("#chart-line") != null);
        javafx.scene.chart.XYChart<?, ?> drawn = fx(() -> (javafx.scene.chart.XYChart<?, ?>) tab.getContent()
                .lookup("#chart-line"));
        List<Double> ys = fx(() -> drawn.getData().get(0).getData().stream()
                .map(d -> d.getNode().localToScene(d.getNode().getBoundsInLocal()).getCenterY()).toList());
        assertThat(ys.get(0) - ys.get(1)).as("10 well above 1").isGreaterThan(30);
        assertThat(ys.get(1) - ys.get(2)).as("each power of ten as far above the last")
                .isCloseTo(ys.get(0) - ys.get(1), org.assertj.core.api.Assertions.within(1.0));
        assertThat(ys.get(2) - ys.get(3)).isCloseTo(ys.get(0) - ys.get(1), org.assertj.core.api.Assertions.within(1.0));
        assertThat(fx(() -> drawn.getYAxis().getLabel())).isEqualTo("Users");
    }

    @Test
    void aSeriesColourPickedInTheEditorIsSavedAndItsBarsAreDrawnInIt() {
        Query query = openAndRun("SELECT region, SUM(revenue) AS revenue FROM sales.daily_revenue GROUP BY region");
        clickOn(inTab("#new-visualization", Button.class));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);
        waitUntil(10, "the series' row", () -> anywhere("#editor-series-color-revenue",
                javafx.scene.control.ColorPicker.class) != null);
        javafx.scene.control.ColorPicker colour = anywhere("#editor-series-color-revenue",
                javafx.scene.control.ColorPicker.class);
        assertThat(fx(() -> colour.getValue())).as("Redash's first colour shown").isEqualTo(
                javafx.scene.paint.Color.web("#356aff"));
        interact(() -> colour.setValue(javafx.scene.paint.Color.web("#ff8800")));
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Revenue in orange"));
        clickOn(anywhere("#editor-save", Button.class));

        waitUntil(20, "the saved chart's tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs()
                .stream().anyMatch(t -> t.getText().equals("Revenue in orange")));
        Visualization saved = new QueriesClient(app.workbench().client()).query(query.id()).visualizations().stream()
                .filter(v -> v.name().equals("Revenue in orange")).findFirst().orElseThrow();
        assertThat(saved.options()).containsEntry("seriesOptions", Map.of("revenue", Map.of("color", "#ff8800",
                "yAxis", 0)));
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Revenue in orange")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        waitUntil(10, "the bars in its tab", () -> tab.getContent() != null
                && tab.getContent().lookup(".chart-bar") != null);
        javafx.scene.layout.Region bar = fx(() -> (javafx.scene.layout.Region) tab.getContent().lookup(".chart-bar"));
        // the theme draws a bar as a gradient around its colour: the colour itself at its middle
        assertThat(fx(() -> bar.getBackground().getFills().get(0).getFill()))
                .isInstanceOfSatisfying(javafx.scene.paint.LinearGradient.class, g -> assertThat(g.getStops())
                        .extracting(javafx.scene.paint.Stop::getColor)
                        .contains(javafx.scene.paint.Color.web("#ff8800")));
    }

    @Test
    void savingOverSomeoneElsesNewerSaveAsksFirstThenOverwritesOnRequest() {
        Query query = openAndRun("SELECT region, SUM(revenue) AS revenue FROM sales.daily_revenue GROUP BY region");
        VisualizationsClient visualizations = new VisualizationsClient(app.workbench().client());
        Visualization mine = visualizations.create(query.id(), new VisualizationsClient.Draft("CHART", "Mine", "",
                Map.of("globalSeriesType", "column", "columnMapping", Map.of("region", "x", "revenue", "y"))));
        interact(() -> app.workbench().selectedProperty().get().visualizations().saved(mine));
        waitUntil(10, "its tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .anyMatch(t -> t.getText().equals("Mine")));
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Mine")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        clickOn(fx(() -> (Button) tab.getContent().lookup(".visualization-edit")));
        waitUntil(10, "the editor", () -> anywhere("#visualization-editor", Node.class) != null);

        visualizations.update(mine.id(), new VisualizationsClient.Draft("CHART", "Theirs", "",
                Map.of("globalSeriesType", "line", "columnMapping", Map.of("region", "x", "revenue", "y"))),
                mine.updatedAt());
        TextField name = anywhere("#editor-name", TextField.class);
        interact(() -> name.setText("Mine again"));
        clickOn(anywhere("#editor-save", Button.class));
        waitUntil(20, "the conflict reported", () -> anywhere("#editor-overwrite", Button.class).isVisible());
        assertThat(fx(() -> anywhere("#editor-message", Label.class).getText())).contains("Someone else saved");
        assertThat(visualizations.ofQuery(query.id()).stream().filter(v -> v.id() == mine.id()).findFirst()
                .orElseThrow().name()).isEqualTo("Theirs");

        clickOn(anywhere("#editor-overwrite", Button.class));
        waitUntil(20, "saved over theirs", () -> visualizations.ofQuery(query.id()).stream()
                .anyMatch(v -> v.id() == mine.id() && v.name().equals("Mine again")));
    }

    @Test
    void aScatterPastThePointBudgetIsDrawnWholeAndSavesAsAPng() throws Exception {
        Query query = openAndRun("SELECT i AS x, sin(i / 500.0) * 100 + i % 7 AS y FROM range(100000) t(i)");
        VisualizationsClient visualizations = new VisualizationsClient(app.workbench().client());
        Visualization scatter = visualizations.create(query.id(), new VisualizationsClient.Draft("CHART", "Cloud",
                "", Map.of("globalSeriesType", "scatter", "columnMapping", Map.of("x", "x", "y", "y"))));
        interact(() -> app.workbench().selectedProperty().get().visualizations().saved(scatter));
        waitUntil(10, "its tab", () -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .anyMatch(t -> t.getText().equals("Cloud")));
        Tab tab = fx(() -> inTab("#visualization-tabs", TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Cloud")).findFirst().orElseThrow());
        interact(() -> inTab("#visualization-tabs", TabPane.class).getSelectionModel().select(tab));
        XYChart chart = fx(() -> (XYChart) tab.getContent().lookup("#chart-large-scatter"));
        assertThat(chart).as("drawn by the large-data chart").isNotNull();
        // every row the server kept (its row limit may cut the 100,000), far past the 2,000-point budget
        int rows = fx(() -> app.workbench().selectedProperty().get().visualizations().resultProperty().get()
                .rows().size());
        assertThat(rows).isGreaterThanOrEqualTo(5 * io.sightline.desktop.visualization.chart.ChartRenderer.DEFAULT_POINT_BUDGET);
        assertThat(fx(() -> chart.getAllDatasets().get(0).getDataCount())).isEqualTo(rows);

        Path png = home.resolve("cloud.png");
        interact(() -> {
            try {
                ImageExport.writePng(tab.getContent(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(image.getHeight()).isGreaterThan(100);
        assertThat(Files.size(png)).isGreaterThan(2_000);
        long distinct = java.util.stream.IntStream.range(0, image.getWidth()).map(xPos -> image.getRGB(xPos,
                image.getHeight() / 2)).distinct().count();
        assertThat(distinct).as("colours along the middle row: points drawn, not a blank image").isGreaterThan(2);
    }
}
