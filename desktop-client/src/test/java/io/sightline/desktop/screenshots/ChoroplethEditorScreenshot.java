package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.selectedContent;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.editor.QueryTabViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * docs/images/viz-editor-choropleth-light.png: the visualization editor building a choropleth of revenue by country,
 * beside its live preview. Run: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.ChoroplethEditorScreenshot <server url> <api key> <output dir>}
 */
public final class ChoroplethEditorScreenshot {

    private static final String SQL = "SELECT * FROM (VALUES ('USA', 4120.5), ('CAN', 1310.0), ('MEX', 640.2),"
            + " ('BRA', 1822.9), ('ARG', 530.4), ('GBR', 2210.7), ('FRA', 1975.3), ('DEU', 2630.8), ('ESP', 980.1),"
            + " ('ITA', 1104.6), ('POL', 410.9), ('SWE', 702.3), ('IND', 1490.2), ('CHN', 3380.4), ('JPN', 2044.8),"
            + " ('AUS', 1210.5), ('ZAF', 388.0), ('NGA', 205.6), ('EGY', 160.3), ('IDN', 720.9))"
            + " t(country, revenue)";

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1280, 800);
        SightlineApp app = window.app();
        SightlineClient client = app.workbench().client();
        Query query = client.createQuery(new QueryDraft(client.dataSources().get(0).id(), "Revenue by country", "",
                SQL, List.of(), List.of(), null));
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
            combo(editor, "#editor-type").setValue("CHOROPLETH");
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup("#editor-choropleth-field") != null);
        on(() -> {
            Window editor = editorWindow();
            combo(editor, "#editor-choropleth-field").setValue("iso_a3");
            combo(editor, "#editor-choropleth-clustering").setValue("q");
            ((TextField) editor.getScene().lookup("#editor-choropleth-format")).setText("$0,0");
            ((TextField) editor.getScene().lookup("#editor-name")).setText("Revenue by country");
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup(".sightline-map") != null);
        Thread.sleep(1500);
        window.capture("viz-editor-choropleth-light", on(ChoroplethEditorScreenshot::editorWindow));
        ScreenshotWindow.close();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(Window window, String selector) {
        return (ComboBox<String>) window.getScene().lookup(selector);
    }

    private static Window editorWindow() {
        return Stage.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#visualization-editor") != null).findFirst().orElse(null);
    }

    private static QueryTabViewModel tab(SightlineApp app) {
        return app.workbench().selectedProperty().get();
    }
}
