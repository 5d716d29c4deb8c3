package io.sightline.desktop.screenshots;

import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.SightlineApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The real workbench window on a real X display, as the screenshot programs of this package need it: started
 * against a server, placed at the screen's corner, signed in and showing its data sources; the screen is captured
 * with ImageMagick's {@code import -window root}.
 */
final class ScreenshotWindow {

    private final SightlineApp app;
    private final Path out;

    private ScreenshotWindow(SightlineApp app, Path out) {
        this.app = app;
        this.out = out;
    }

    /** Starts JavaFX and the workbench at {@code url} with {@code apiKey}, and waits until it shows the schema. */
    static ScreenshotWindow open(String url, String apiKey, Path out, int width, int height) throws Exception {
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("sightline-shots-");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        SightlineApp app = on(() -> {
            SightlineApp created = new SightlineApp(new LaunchOptions(url, apiKey), home);
            Stage stage = new Stage();
            created.start(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            return created;
        });
        waitFor(60, () -> app.workbench() != null && !app.workbench().schema().dataSources().isEmpty());
        return new ScreenshotWindow(app, out);
    }

    SightlineApp app() {
        return app;
    }

    /** What the selected editor tab of the workbench window shows (FX thread). */
    static javafx.scene.Node selectedContent() {
        javafx.scene.control.TabPane editors = (javafx.scene.control.TabPane) Stage.getWindows().get(0).getScene()
                .lookup("#editor-tabs");
        return editors.getSelectionModel().getSelectedItem().getContent();
    }

    /** Captures the whole screen into {@code <name>.png} of the output directory. */
    void capture(String name) throws Exception {
        new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString()).inheritIO()
                .start().waitFor(30, TimeUnit.SECONDS);
        System.out.println("captured " + name);
    }

    /** Captures only {@code window}'s part of the screen into {@code <name>.png} of the output directory. */
    void capture(String name, javafx.stage.Window window) throws Exception {
        String crop = "%dx%d+%d+%d".formatted((int) window.getWidth(), (int) window.getHeight(),
                (int) Math.max(0, window.getX()), (int) Math.max(0, window.getY()));
        new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", out.resolve(name + ".png").toString())
                .inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        System.out.println("captured " + name);
    }

    Path out() {
        return out;
    }

    /** Ends the program: the FX thread does not end it by itself. */
    static void close() {
        Platform.exit();
        System.exit(0);
    }

    /** Runs {@code action} on the FX thread and returns its value. */
    static <T> T on(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds; a condition that throws has not held yet. */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(on(condition))) {
                    return;
                }
            } catch (Exception notYet) {
                // not there yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("waited " + seconds + " s in vain");
    }
}
