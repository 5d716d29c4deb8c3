package io.sightline.desktop.screenshots;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Share dialog screenshot of docs/images/ (README): the demo "Region detail" shared from its tab, an embed link
 * locking its region to APAC made, and the preview showing that link's page, on a real X display, cropped to the
 * dialog with ImageMagick's {@code import -window root -crop}.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.ShareScreenshots <server url> <api key> <output dir>}
 */
public final class ShareScreenshots {

    private static SightlineApp app;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("sightline-shots-");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        on(() -> {
            app = new SightlineApp(new LaunchOptions(args[0], args[1]), home);
            Stage stage = new Stage();
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(900);
            return null;
        });
        waitFor(60, () -> app.workbench() != null && !app.workbench().schema().dataSources().isEmpty());
        Dashboard dashboard = app.workbench().client().dashboards("Region detail", false, 1, 20).results().stream()
                .filter(d -> d.name().equals("Region detail")).findFirst().orElseThrow();
        on(() -> {
            app.workbench().dashboards().open(dashboard);
            return null;
        });
        waitFor(30, () -> shown() != null && shown().model().id() == dashboard.id());
        on(() -> {
            ((Button) shown().lookup("#dashboard-share")).fire();
            return null;
        });
        waitFor(30, () -> dialog() != null && dialog().getScene().lookup("#share-create") != null);
        on(() -> {
            ((Button) inDialog("#share-create")).fire();
            return null;
        });
        waitFor(30, () -> !((TextField) inDialog("#share-url")).getText().isEmpty());
        on(() -> {
            ((CheckBox) inDialog("#embed-lock-region")).setSelected(true);
            ((TextField) inDialog("#embed-value-region")).setText("APAC");
            ((Button) inDialog("#embed-make")).fire();
            return null;
        });
        waitFor(30, () -> !((TextField) inDialog("#embed-url")).getText().isEmpty());
        waitFor(60, () -> Integer.valueOf(1).equals(((WebView) inDialog("#share-preview")).getEngine()
                .executeScript("document.querySelectorAll('section.widget.viz[data-state=ready]').length")));
        Thread.sleep(2500);
        Window window = on(ShareScreenshots::dialog);
        String crop = "%dx%d+%d+%d".formatted((int) window.getWidth(), (int) window.getHeight(),
                (int) Math.max(0, window.getX()), (int) Math.max(0, window.getY()));
        new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage",
                out.resolve("share-dialog.png").toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        System.out.println("captured share-dialog");
        Platform.exit();
        System.exit(0);
    }

    private static DashboardView shown() {
        TabPane editors = (TabPane) Stage.getWindows().get(0).getScene().lookup("#editor-tabs");
        var tab = editors.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
    }

    private static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#share-dialog") != null).findFirst().orElse(null);
    }

    private static Node inDialog(String selector) {
        return dialog().getScene().lookup(selector);
    }

    private static <T> T on(Callable<T> action) throws Exception {
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

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
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
