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
 * docs/images/viz-editor-funnel-light.png: the visualization editor building a funnel, beside its live preview.
 * Run: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.FunnelEditorScreenshot <server url> <api key> <output dir>}
 */
public final class FunnelEditorScreenshot {

    private static final String SQL = "SELECT * FROM (VALUES ('Visited the store', 12480), ('Viewed a product', 7315),"
            + " ('Added to cart', 2904), ('Started checkout', 1377), ('Paid', 1102)) t(step, customers)";

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1280, 800);
        SightlineApp app = window.app();
        SightlineClient client = app.workbench().client();
        Query query = client.createQuery(new QueryDraft(client.dataSources().get(0).id(), "Checkout funnel", "",
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
            combo(editor, "#editor-type").setValue("FUNNEL");
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup("#editor-funnel-step") != null);
        on(() -> {
            Window editor = editorWindow();
            combo(editor, "#editor-funnel-step").setValue("step");
            combo(editor, "#editor-funnel-value").setValue("customers");
            ((TextField) editor.getScene().lookup("#editor-funnel-value-title")).setText("Customers");
            ((TextField) editor.getScene().lookup("#editor-name")).setText("Checkout funnel");
            return null;
        });
        waitFor(20, () -> editorWindow().getScene().lookup("#funnel-grid") != null);
        Thread.sleep(1500);
        window.capture("viz-editor-funnel-light", on(FunnelEditorScreenshot::editorWindow));
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
