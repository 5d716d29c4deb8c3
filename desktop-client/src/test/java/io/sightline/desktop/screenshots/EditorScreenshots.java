package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.selectedContent;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.editor.QueryTabViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * docs/images/viz-editor-funnel-light.png, viz-editor-choropleth-light.png, viz-editor-table-light.png and
 * viz-editor-axes-light.png: the visualization editor building a funnel, a choropleth of revenue by country, a table
 * with a link column and a formatted one, then a line of weekly signups on a logarithmic Y axis (its Axes section),
 * each beside its live preview. Run:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.EditorScreenshots <server url> <api key> <output dir>}
 */
public final class EditorScreenshots {

    private static final String FUNNEL = "SELECT * FROM (VALUES ('Visited the store', 12480),"
            + " ('Viewed a product', 7315), ('Added to cart', 2904), ('Started checkout', 1377), ('Paid', 1102))"
            + " t(step, customers)";
    private static final String REVENUE = "SELECT * FROM (VALUES ('USA', 4120.5), ('CAN', 1310.0), ('MEX', 640.2),"
            + " ('BRA', 1822.9), ('ARG', 530.4), ('GBR', 2210.7), ('FRA', 1975.3), ('DEU', 2630.8), ('ESP', 980.1),"
            + " ('ITA', 1104.6), ('POL', 410.9), ('SWE', 702.3), ('IND', 1490.2), ('CHN', 3380.4), ('JPN', 2044.8),"
            + " ('AUS', 1210.5), ('ZAF', 388.0), ('NGA', 205.6), ('EGY', 160.3), ('IDN', 720.9))"
            + " t(country, revenue)";
    private static final String SIGNUPS = "SELECT * FROM (VALUES (1, 3), (2, 12), (3, 41), (4, 160), (5, 530),"
            + " (6, 2100), (7, 7800), (8, 31000)) t(week, signups)";

    private static final String STORES = "SELECT * FROM (VALUES ('Lisbon', 'LIS', 18230.5), ('Oslo', 'OSL',"
            + " 9120.0), ('Berlin', 'BER', 25400.75), ('Madrid', 'MAD', 15830.2), ('Warsaw', 'WAW', 7410.9))"
            + " t(city, code, revenue)";

    private EditorScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1280, 800);
        shoot(window, "Checkout funnel", FUNNEL, "FUNNEL", "#editor-funnel-step", editor -> {
            combo(editor, "#editor-funnel-step").setValue("step");
            combo(editor, "#editor-funnel-value").setValue("customers");
            text(editor, "#editor-funnel-value-title").setText("Customers");
        }, "#funnel-grid", "viz-editor-funnel-light");
        shoot(window, "Revenue by country", REVENUE, "CHOROPLETH", "#editor-choropleth-field", editor -> {
            combo(editor, "#editor-choropleth-field").setValue("iso_a3");
            combo(editor, "#editor-choropleth-clustering").setValue("q");
            text(editor, "#editor-choropleth-format").setText("$0,0");
        }, ".sightline-map", "viz-editor-choropleth-light");
        shoot(window, "Store pages", STORES, "TABLE", "#editor-table-columns", editor -> {
            @SuppressWarnings("unchecked")
            var columns = (javafx.scene.control.ListView<Object>) editor.getScene().lookup("#editor-table-columns");
            columns.getSelectionModel().select(2);
            text(editor, "#editor-table-column-title").setText("Revenue");
            text(editor, "#editor-table-column-number-format").setText("$0,0.00");
            columns.getSelectionModel().select(1);
            combo(editor, "#editor-table-column-display").setValue("link");
            text(editor, "#editor-table-column-link-url").setText("https://stores.example.com/{{ @ }}");
            text(editor, "#editor-table-column-link-text").setText("{{ city }} ({{ @ }})");
            ((javafx.scene.control.CheckBox) editor.getScene().lookup("#editor-table-column-search"))
                    .setSelected(true);
        }, "#visualization-table", "viz-editor-table-light");
        shoot(window, "Signups by week", SIGNUPS, "CHART", "#editor-left-axis-type", editor -> {
            combo(editor, "#editor-chart-type").setValue("line");
            combo(editor, "#editor-x-axis-type").setValue("linear");
            text(editor, "#editor-x-axis-title").setText("Week");
            combo(editor, "#editor-left-axis-type").setValue("logarithmic");
            text(editor, "#editor-left-axis-title").setText("Signups");
            text(editor, "#editor-left-axis-min").setText("1");
            Node form = editor.getScene().lookup("#editor-axes");
            while (form != null && !(form instanceof ScrollPane)) {
                form = form.getParent();
            }
            if (form instanceof ScrollPane scroll) {
                scroll.setVvalue(1); // the Axes section, below the chart's columns
            }
        }, "#chart-line", "viz-editor-axes-light");
        ScreenshotWindow.close();
    }

    /**
     * Runs a new query named {@code name}, opens the editor on its result, chooses {@code type}, fills the form
     * once {@code form} shows, and captures the editor once its preview shows {@code drawn}.
     */
    private static void shoot(ScreenshotWindow window, String name, String sql, String type, String form,
                              Consumer<Window> fill, String drawn, String image) throws Exception {
        SightlineApp app = window.app();
        SightlineClient client = app.workbench().client();
        Query query = new QueriesClient(client).createQuery(new QueryDraft(new DataSourcesClient(client).dataSources().get(0).id(), name, "", sql, List.of(),
                List.of(), null));
        on(() -> {
            app.workbench().openQuery(query.id());
            return null;
        });
        waitFor(30, () -> tab(app) != null && Long.valueOf(query.id()).equals(tab(app).queryIdProperty().get()));
        on(() -> {
            ((Button) selectedContent().lookup("#run-button")).fire();
            return null;
        });
        waitFor(90, () -> tab(app).visualizations().resultProperty().get() != null);
        on(() -> {
            ((Button) selectedContent().lookup("#new-visualization")).fire();
            return null;
        });
        waitFor(20, () -> editorWindow() != null);
        on(() -> {
            Window editor = editorWindow();
            editor.setX(140);
            editor.setY(90);
            combo(editor, "#editor-type").setValue(type);
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup(form) != null);
        on(() -> {
            Window editor = editorWindow();
            fill.accept(editor);
            text(editor, "#editor-name").setText(name);
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup(drawn) != null);
        Thread.sleep(1500);
        window.capture(image, on(EditorScreenshots::editorWindow));
        on(() -> {
            ((Stage) editorWindow()).close();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(Window window, String selector) {
        return (ComboBox<String>) window.getScene().lookup(selector);
    }

    private static TextField text(Window window, String selector) {
        return (TextField) window.getScene().lookup(selector);
    }

    private static Window editorWindow() {
        return Stage.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#visualization-editor") != null).findFirst().orElse(null);
    }

    private static QueryTabViewModel tab(SightlineApp app) {
        return app.workbench().selectedProperty().get();
    }
}
