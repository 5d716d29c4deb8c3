package io.sightline.desktop;

import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.connection.ConnectionStore;
import io.sightline.desktop.connection.ConnectionView;
import io.sightline.desktop.connection.ConnectionViewModel;
import io.sightline.desktop.connection.LoginKind;
import io.sightline.desktop.connection.SecretStore;
import io.sightline.desktop.connection.SecretStores;
import io.sightline.desktop.task.BackgroundTasks;
import io.sightline.desktop.visualization.render.LinkRequested;
import io.sightline.desktop.workbench.Theme;
import io.sightline.desktop.workbench.WorkbenchState;
import io.sightline.desktop.workbench.WorkbenchView;
import io.sightline.desktop.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The workbench application: the connection screen first, then the main window. */
public final class SightlineApp extends Application {

    private LaunchOptions options;
    private Path home;
    private BackgroundTasks tasks;
    private ExecutorService highlightThread;
    private Stage stage;
    private Scene scene;
    private WorkbenchViewModel workbench;
    private WorkbenchView workbenchView;
    private WorkbenchState state;

    public SightlineApp() {
    }

    /** For tests: options and home directory given instead of read from the command line and environment. */
    public SightlineApp(LaunchOptions options, Path home) {
        this.options = options;
        this.home = home;
    }

    @Override
    public void start(Stage primaryStage) {
        if (options == null) {
            options = LaunchOptions.parse(getParameters().getRaw());
        }
        if (home == null) {
            home = AppHome.directory();
        }
        stage = primaryStage;
        tasks = BackgroundTasks.withUi(Platform::runLater);
        highlightThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sightline-highlighting");
            thread.setDaemon(true);
            return thread;
        });
        state = WorkbenchState.load(home);
        scene = new Scene(new StackPane(), state.width(), state.height());
        Theme.apply(scene, state.theme());
        LinkRequested.openIn(scene, getHostServices()::showDocument);
        stage.setTitle("Sightline");
        stage.setScene(scene);
        placeWindow();
        stage.setOnCloseRequest(event -> saveState());
        showConnection();
        stage.show();
    }

    private void placeWindow() {
        if (!Double.isNaN(state.x()) && !Double.isNaN(state.y())
                && !Screen.getScreensForRectangle(new Rectangle2D(state.x(), state.y(), 100, 100)).isEmpty()) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
    }

    private void showConnection() {
        SecretStore secrets = SecretStores.forThisComputer(home);
        ConnectionViewModel model = new ConnectionViewModel(tasks, new ConnectionStore(home, secrets), secrets,
                getHostServices()::showDocument);
        if (options.connectsAtOnce()) {
            // before the view exists, so it asks the given server (not the default one) how to sign in
            model.urlProperty().set(options.server());
            model.loginProperty().set(LoginKind.API_KEY);
            model.apiKeyProperty().set(options.apiKey());
            model.rememberProperty().set(false);
        }
        ConnectionView view = new ConnectionView(model, this::showWorkbench);
        scene.setRoot(view.root());
        Platform.runLater(view::focus);
        if (options.connectsAtOnce()) {
            model.connect(this::showWorkbench);
        }
    }

    private void showWorkbench(SightlineClient client, Session session) {
        workbench = new WorkbenchViewModel(client, session, tasks, Clock.systemDefaultZone());
        workbench.themeProperty().set(state.theme());
        workbench.themeProperty().addListener((obs, old, theme) -> Theme.apply(scene, theme));
        workbenchView = new WorkbenchView(workbench, highlightThread, () -> {
            saveState();
            stage.close();
        });
        workbenchView.setNavigatorDivider(state.navigatorDivider());
        scene.setRoot(workbenchView);
        stage.setTitle("Sightline \u2014 " + client.baseUrl());
        workbench.start();
        if (client.baseUrl().equals(state.server()) && !state.tabs().isEmpty()) {
            workbench.restore(state.tabs(), state.selectedTab());
        } else {
            workbench.newTab();
        }
    }

    /** Window layout and open tabs, for the next start. */
    void saveState() {
        if (workbench == null) {
            return;
        }
        workbenchView.flushEditors();
        int selected = Math.max(0, workbench.tabs().indexOf(workbench.selectedProperty().get()));
        state = new WorkbenchState(workbench.client().baseUrl(), stage.getX(), stage.getY(),
                stage.isMaximized() ? state.width() : scene.getWidth(),
                stage.isMaximized() ? state.height() : scene.getHeight(), stage.isMaximized(),
                workbenchView.navigatorDivider(), workbench.themeProperty().get(), workbench.tabStates(), selected);
        try {
            state.save(home);
        } catch (RuntimeException e) {
            System.getLogger(SightlineApp.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not keep the window layout: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        saveState();
        if (tasks != null) {
            tasks.shutdown();
        }
        if (highlightThread != null) {
            highlightThread.shutdownNow();
        }
    }

    /** For tests: the main window's model once connected, else null. */
    public WorkbenchViewModel workbench() {
        return workbench;
    }

    public WorkbenchView workbenchView() {
        return workbenchView;
    }
}
