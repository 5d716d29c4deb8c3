package io.sightline.desktop.visualization;

import static org.awaitility.Awaitility.await;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.VisualizationsClient;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** What the editor's tests do with an editor: save it and read it back through the API, and draw its preview. */
final class EditorFx {

    private EditorFx() {
    }

    /** Saves and reads the visualization back through the API. */
    static Visualization saveAndReadBack(VisualizationEditorViewModel editor, VisualizationsClient visualizations,
                                         long queryId) {
        editor.save(() -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> editor.savedProperty().get() != null);
        long id = editor.savedProperty().get().id();
        return visualizations.ofQuery(queryId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** What the live preview draws for the editor's current options, shown (skinned and laid out) in a stage. */
    static Node preview(VisualizationEditorViewModel editor, ResultData data) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        return RendererFx.fx(() -> {
            Node drawn = VisualizationRenderers.standard().render(editor.typeProperty().get(),
                    editor.previewProperty().get(), data);
            StackPane pane = new StackPane(drawn);
            stage.setScene(new Scene(pane, RendererFx.WIDTH, RendererFx.HEIGHT));
            stage.show();
            pane.applyCss();
            pane.layout();
            return drawn;
        });
    }
}
