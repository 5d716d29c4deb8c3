package io.sightline.desktop.screenshots;

import io.sightline.desktop.visualization.map.MapSnapshot;
import io.sightline.desktop.workbench.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A renderer's drawing alone in a themed window, written to a PNG: the window setup {@link RendererScreenshots} and
 * {@link FlowScreenshots} share. {@link #start} once, {@link #shoot} each picture, {@link #finish} at the end.
 */
final class ThemedRenderingShot {

    private ThemedRenderingShot() {
    }

    /** Starts JavaFX, kept running between the windows; returns the output directory, made if missing. */
    static Path start(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        return out;
    }

    /**
     * Shows what {@code drawing} makes (on the FX thread) in a {@code width} × {@code height} window of the theme, waits
     * for it to settle ({@code -Dscreenshot.pause}, 800 ms) and writes the window's content to {@code file}.
     */
    static void shoot(Path file, String theme, int width, int height, Supplier<Node> drawing) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            StackPane root = new StackPane(drawing.get());
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

    static void finish() {
        Platform.exit();
    }
}
