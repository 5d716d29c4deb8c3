package io.sightline.desktop.screenshots;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.WidgetViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The dashboard screenshots of docs/images/ (README): the demo dashboards opened in the real window on a real X
 * display, once every widget has drawn, captured with ImageMagick's {@code import -window root}.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.DashboardScreenshots <server url> <api key> <output dir>}
 */
public final class DashboardScreenshots {

    private static final List<String[]> SHOTS = List.of(
            new String[] {"Executive scorecard", "dashboard-scorecard"},
            new String[] {"Sales map", "dashboard-sales-map"});

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
        for (String[] shot : SHOTS) {
            Dashboard dashboard = app.workbench().client().dashboards(shot[0], false, 1, 20).results().stream()
                    .filter(d -> d.name().equals(shot[0])).findFirst().orElseThrow();
            on(() -> {
                app.workbench().dashboards().open(dashboard);
                return null;
            });
            waitFor(30, () -> shown() != null && shown().model().id() == dashboard.id());
            waitFor(120, () -> shown().model().widgets().stream()
                    .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                    .allMatch(w -> !w.loadingProperty().get() && (w.resultProperty().get() != null
                            || !w.errorProperty().get().isEmpty())));
            Thread.sleep(2500);
            new ProcessBuilder("import", "-window", "root", out.resolve(shot[1] + ".png").toString()).inheritIO()
                    .start().waitFor(30, TimeUnit.SECONDS);
            System.out.println("captured " + shot[1]);
        }
        Platform.exit();
        System.exit(0);
    }

    private static DashboardView shown() {
        TabPane editors = (TabPane) Stage.getWindows().get(0).getScene().lookup("#editor-tabs");
        var tab = editors.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
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
