package io.sightline.bench;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.DashboardViewModel;
import io.sightline.desktop.dashboard.WidgetViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The real desktop workbench (this JVM, on the display it is given: Xvfb under {@code ./sightline bench}) opening
 * dashboards the way a click in its list does ({@code DashboardListViewModel.open}), timed from the scene's side
 * only: after each layout pass (a post-layout pulse listener) it looks whether each visualization widget's card
 * holds its drawing ({@code #widget-drawing}), laid out with a size, and no progress indicator any more.
 */
final class DashboardOpenTimer implements AutoCloseable {

    /**
     * One open, in nanoseconds from the open call: the dashboard's tab shown (its JSON fetched), the last widget's
     * result arrived (its HTTP round trips done), the first and the last visualization drawn; and the FX thread's
     * time spent building the renderers' nodes of all widgets (from a result's arrival until its drawing node
     * exists, before CSS and layout). {@code failed}: widgets that show an error instead.
     */
    record Open(long shownNanos, long arrivedNanos, long buildNanos, long firstNanos, long allNanos, int widgets,
                int failed) {
    }

    private static final int WIDTH = 1440;
    private static final long SETTLE_MILLIS = 1500;
    private static final int HEIGHT = 900;

    private final SightlineApp app;
    private final Scene scene;

    private DashboardOpenTimer(SightlineApp app, Scene scene) {
        this.app = app;
        this.scene = scene;
    }

    /** Starts JavaFX and the workbench against {@code url}; returns once it is signed in and shows its schema. */
    static DashboardOpenTimer start(String url, String apiKey) throws Exception {
        Path home = Files.createTempDirectory("sightline-bench-desktop-");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        Stage[] stage = new Stage[1];
        SightlineApp app = on(() -> {
            SightlineApp created = new SightlineApp(new LaunchOptions(url, apiKey), home);
            stage[0] = new Stage();
            created.start(stage[0]);
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].setWidth(WIDTH);
            stage[0].setHeight(HEIGHT);
            return created;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!on(() -> app.workbench() != null && !app.workbench().schema().dataSources().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The workbench did not sign in within 120 s");
            }
            Thread.sleep(100);
        }
        return new DashboardOpenTimer(app, on(() -> stage[0].getScene()));
    }

    /** The server's dashboards as the workbench lists them (first 100). */
    List<Dashboard> dashboards() {
        return new DashboardsClient(app.workbench().client()).dashboards("", false, 1, 100).results();
    }

    /**
     * Opens {@code dashboard} in a tab, waits until every visualization widget is drawn (or has failed), then
     * closes the tab again so that the next open builds the view anew.
     */
    Open open(Dashboard dashboard) throws Exception {
        return open(dashboard, null);
    }

    /**
     * As {@link #open(Dashboard)}, capturing the screen into {@code screenshot} (ImageMagick's {@code import}, when
     * installed) {@link #SETTLE_MILLIS} after every widget counted as drawn, before the tab closes: a check that the
     * drawings counted are the ones a user sees.
     */
    Open open(Dashboard dashboard, Path screenshot) throws Exception {
        CompletableFuture<Open> done = new CompletableFuture<>();
        long[] first = {-1};
        long[] start = new long[1];
        long[] shownAt = {-1};
        long[] arrived = {0};
        long[] build = {0};
        Runnable afterLayout = () -> {
            DashboardView view = shown(dashboard.id());
            if (view == null || done.isDone()) {
                return;
            }
            List<WidgetViewModel> charts = view.model().widgets().stream()
                    .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION).toList();
            if (shownAt[0] < 0) {
                shownAt[0] = System.nanoTime() - start[0];
                for (WidgetViewModel widget : charts) {
                    long[] arrivedAt = {0};
                    // the widget's own view listens first: loading ends (arrived), then the result is drawn
                    widget.loadingProperty().addListener((obs, was, loading) -> {
                        if (!loading) {
                            arrivedAt[0] = System.nanoTime();
                            arrived[0] = Math.max(arrived[0], arrivedAt[0] - start[0]);
                        }
                    });
                    widget.resultProperty().addListener((obs, old, result) -> {
                        if (result != null && arrivedAt[0] > 0) {
                            build[0] += System.nanoTime() - arrivedAt[0];
                        }
                    });
                }
            }
            int drawn = 0;
            int failed = 0;
            for (WidgetViewModel widget : charts) {
                Node card = view.lookup("#widget-" + widget.id());
                if (card == null || card.lookup("#widget-progress") != null) {
                    continue;
                }
                Node drawing = card.lookup("#widget-drawing");
                if (drawing != null && drawing.getLayoutBounds().getWidth() > 0
                        && drawing.getLayoutBounds().getHeight() > 0) {
                    drawn++;
                } else if (card.lookup("#widget-error") != null) {
                    failed++;
                }
            }
            long now = System.nanoTime() - start[0];
            if (drawn > 0 && first[0] < 0) {
                first[0] = now;
            }
            if (!charts.isEmpty() && drawn + failed == charts.size()) {
                done.complete(new Open(shownAt[0], arrived[0], build[0], first[0] < 0 ? now : first[0], now,
                        charts.size(), failed));
            }
        };
        on(() -> {
            scene.addPostLayoutPulseListener(afterLayout);
            start[0] = System.nanoTime();
            app.workbench().dashboards().open(dashboard);
            return null;
        });
        try {
            Open open = done.get(120, TimeUnit.SECONDS);
            if (screenshot != null) {
                Thread.sleep(SETTLE_MILLIS);
                capture(screenshot);
            }
            return open;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Dashboard " + dashboard.name() + " not drawn within 120 s: "
                    + on(() -> state(dashboard.id())), e);
        } finally {
            on(() -> {
                scene.removePostLayoutPulseListener(afterLayout);
                for (DashboardViewModel open : List.copyOf(app.workbench().dashboards().openDashboards())) {
                    app.workbench().dashboards().close(open);
                }
                return null;
            });
        }
    }

    private static void capture(Path screenshot) throws Exception {
        try {
            new ProcessBuilder("import", "-window", "root", screenshot.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (java.io.IOException noImageMagick) {
            // the figures do not need it
        }
    }

    /** What each visualization widget of the dashboard shown holds, for a message. */
    private String state(long id) {
        DashboardView view = shown(id);
        if (view == null) {
            return "the dashboard's tab is not shown";
        }
        StringBuilder out = new StringBuilder();
        for (WidgetViewModel widget : view.model().widgets()) {
            Node card = view.lookup("#widget-" + widget.id());
            Node drawing = card == null ? null : card.lookup("#widget-drawing");
            out.append("\n  ").append(widget.kind()).append(' ').append(widget.title()).append(": loading ")
                    .append(widget.loadingProperty().get()).append(", error '").append(widget.errorProperty().get())
                    .append("', drawing ").append(drawing == null ? "none" : drawing.getLayoutBounds());
        }
        return out.toString();
    }

    /** The dashboard view of the selected editor tab, if it shows dashboard {@code id}. */
    private DashboardView shown(long id) {
        TabPane editors = (TabPane) scene.lookup("#editor-tabs");
        var tab = editors == null ? null : editors.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view && view.model().id() == id ? view : null;
    }

    @Override
    public void close() {
        Platform.exit();
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
}
