package io.sightline.desktop.screenshots;

import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.VisualizationRenderers;
import io.sightline.desktop.visualization.flow.FlowSamples;
import io.sightline.desktop.visualization.map.MapSnapshot;
import io.sightline.desktop.workbench.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Writes the screenshots of the sankey, sunburst and word cloud visualizations, light and dark, each drawn by the
 * workbench's renderer for a known result in a themed window. Run under Xvfb as {@link RendererScreenshots}:
 * {@code xvfb-run -a java -cp ... io.sightline.desktop.screenshots.FlowScreenshots docs/images}
 */
public final class FlowScreenshots {

    private FlowScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        VisualizationRenderers renderers = VisualizationRenderers.standard();
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        for (String theme : List.of("light", "dark")) {
            shoot(out.resolve("viz-sankey-" + theme + ".png"), theme, 900, 460, renderers, "SANKEY", Map.of(),
                    FlowSamples.journeys());
            shoot(out.resolve("viz-sunburst-" + theme + ".png"), theme, 640, 520, renderers, "SUNBURST_SEQUENCE",
                    Map.of(), FlowSamples.journeys());
            shoot(out.resolve("viz-word-cloud-" + theme + ".png"), theme, 820, 420, renderers, "WORD_CLOUD",
                    Map.of("column", "note"), FlowSamples.notes());
        }
        Platform.exit();
    }

    private static void shoot(Path file, String theme, int width, int height, VisualizationRenderers renderers,
                              String type, Map<String, Object> options, ResultData result) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            StackPane root = new StackPane(renderers.render(type, options, result));
            root.setPadding(new Insets(8));
            Scene scene = new Scene(root, width, height);
            Theme.apply(scene, theme);
            Stage stage = new Stage();
            stage.setTitle(file.getFileName().toString());
            stage.setScene(scene);
            stage.show();
            shown.complete(stage);
        });
        Stage stage = shown.get();
        Thread.sleep(Long.getLong("screenshot.pause", 800));
        CompletableFuture<Void> written = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MapSnapshot.writePng(MapSnapshot.snapshot(stage.getScene().getRoot(), 1), file);
                stage.close();
                written.complete(null);
            } catch (Exception e) {
                written.completeExceptionally(e);
            }
        });
        written.get();
        System.out.println("wrote " + file);
    }
}
