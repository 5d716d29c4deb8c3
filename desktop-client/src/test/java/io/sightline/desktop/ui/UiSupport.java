package io.sightline.desktop.ui;

import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.CodeArea;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application window (headless with Monocle) and reads its state on the FX thread. */
abstract class UiSupport extends FxRobot {

    protected SightlineApp app;

    protected void launch(LaunchOptions options, Path home) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Application started = FxToolkit.setupApplication(() -> new SightlineApp(options, home));
        app = (SightlineApp) started;
        focusMainWindow();
    }

    /** The workbench connected as the admin to the test server, once its first tab and data sources are there. */
    protected void launchWorkbench(Path home) throws TimeoutException {
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the editor of the first tab", () -> lookup("#sql-area").tryQuery().isPresent()
                && !app.workbench().schema().dataSources().isEmpty());
    }

    /** The node {@code selector} in the selected editor tab. */
    protected <T extends Node> T inTab(String selector, Class<T> type) {
        return fx(() -> {
            TabPane tabs = lookup("#editor-tabs").queryAs(TabPane.class);
            return type.cast(tabs.getSelectionModel().getSelectedItem().getContent().lookup(selector));
        });
    }

    /** The SQL editor of the selected tab. */
    protected CodeArea editor() {
        return inTab("#sql-area", CodeArea.class);
    }

    /** Monocle sends key presses to the window it thinks focused; after popups and dialogs that is ours again. */
    protected void focusMainWindow() {
        interact(() -> FxToolkit.toolkitContext().getRegisteredStage().requestFocus());
    }

    protected void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** Runs on the FX thread and returns what it found. */
    protected static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (up to {@code seconds}) until {@code condition}, evaluated on the FX thread, holds. */
    protected static void waitUntil(int seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return Boolean.TRUE.equals(fx(condition));
                } catch (AssertionError notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
