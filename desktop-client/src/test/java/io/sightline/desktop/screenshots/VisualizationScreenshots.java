package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.selectedContent;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.editor.QueryTabViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The screenshots of docs/images/ (README): the real window on a real X display (run under {@code xvfb-run}), each
 * demo query run and its visualization tab shown, light and dark, captured with ImageMagick's
 * {@code import -window root}.
 * Run: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.VisualizationScreenshots <server url> <api key> <output dir>}
 */
public final class VisualizationScreenshots {

    private static final List<String[]> SHOTS = List.of(
            new String[] {"sales__revenue_by_region__v1", "Revenue by region", "viz-column"},
            new String[] {"sales__monthly_revenue_trend__v1", "Monthly revenue vs the previous year", "viz-line"},
            new String[] {"sales__daily_revenue__v1", "Daily revenue by region", "viz-area-stacked"},
            new String[] {"sales__customers_by_segment__v1", "Revenue by segment", "viz-pie"},
            new String[] {"sales__revenue_latest_day_vs_target__v1", "Revenue of the latest day vs target",
                "viz-counter"},
            new String[] {"sales__top_products__v1", "Top products", "viz-table"},
            new String[] {"sales__revenue_by_region_and_quarter__v1", "Revenue by region and quarter", "viz-pivot"},
            new String[] {"sales__revenue_by_country__v1", "Revenue by country", "viz-choropleth"},
            new String[] {"sales__store_locations__v1", "Store locations", "viz-markers"},
            new String[] {"sales__store_locations__v1", "Stores by their country's revenue (bubbles)", "viz-bubbles"});

    private static SightlineApp app;

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1280, 800);
        app = window.app();
        Path out = window.out();
        for (String theme : List.of("light", "dark")) {
            on(() -> {
                app.workbench().themeProperty().set(theme);
                return null;
            });
            for (String[] shot : SHOTS) {
                show(shot[0], shot[1]);
                Thread.sleep(1500);
                window.capture(shot[2] + "-" + theme);
                if (System.getProperty("shots.svg") != null) {
                    on(() -> {
                        TabPane tabs = (TabPane) selectedContent().lookup("#visualization-tabs");
                        Node drawing = tabs.getSelectionModel().getSelectedItem().getContent()
                                .lookup(".visualization-drawing");
                        io.sightline.desktop.visualization.SvgExport.write(drawing,
                                out.resolve(shot[2] + "-" + theme + ".svg"));
                        return null;
                    });
                }
            }
        }
        // the editor beside its live preview
        on(() -> {
            app.workbench().themeProperty().set("light");
            return null;
        });
        show(SHOTS.get(0)[0], SHOTS.get(0)[1]);
        on(() -> {
            ((Button) selectedContent().lookup("#new-visualization")).fire();
            return null;
        });
        Thread.sleep(2500);
        on(() -> {
            Stage.getWindows().stream().filter(w -> w.getScene().lookup("#visualization-editor") != null)
                    .findFirst().ifPresent(w -> {
                        w.setX(140);
                        w.setY(90);
                        javafx.scene.control.ComboBox<?> type = (javafx.scene.control.ComboBox<?>)
                                w.getScene().lookup("#editor-chart-type");
                        @SuppressWarnings("unchecked")
                        javafx.scene.control.ComboBox<String> chartType = (javafx.scene.control.ComboBox<String>) type;
                        chartType.setValue("pie");
                    });
            return null;
        });
        Thread.sleep(1500);
        window.capture("viz-editor-light");
        ScreenshotWindow.close();
    }

    private static void show(String queryName, String visualization) throws Exception {
        Query query = new QueriesClient(app.workbench().client()).queries(queryName, false, 1, 20).results().stream()
                .filter(q -> q.name().equals(queryName)).findFirst().orElseThrow();
        on(() -> {
            app.workbench().openQuery(query.id());
            return null;
        });
        waitFor(30, () -> tab() != null && Long.valueOf(query.id()).equals(tab().queryIdProperty().get()));
        Thread.sleep(500);
        if (on(() -> tab().visualizations().resultProperty().get()) == null) {
            on(() -> {
                Button run = (Button) selectedContent().lookup("#run-button");
                run.fire();
                return null;
            });
            waitFor(90, () -> tab().visualizations().resultProperty().get() != null);
        }
        on(() -> {
            if (selectedContent() instanceof io.sightline.desktop.editor.QueryTabView view) {
                view.setDividers(0.3, 0.72); // room for the drawing
            }
            TabPane tabs = (TabPane) selectedContent().lookup("#visualization-tabs");
            tabs.getTabs().stream().filter(t -> t.getText().equals(visualization)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
    }

    private static QueryTabViewModel tab() {
        return app.workbench().selectedProperty().get();
    }
}
