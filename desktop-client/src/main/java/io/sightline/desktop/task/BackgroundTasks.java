package io.sightline.desktop.task;

import io.sightline.desktop.api.ApiException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the workbench does slow work (every network call): {@code work} runs on a background thread,
 * {@code onSuccess} or {@code onFailure} on the UI thread. A failure reaches {@code onFailure} as a message a
 * user can read and is logged once here; nothing slow ever runs on the FX thread.
 *
 * <p>The UI executor is {@code Platform::runLater} in the application and a direct executor in view-model
 * tests, which then need no FX toolkit.
 */
public final class BackgroundTasks {

    private static final System.Logger LOG = System.getLogger(BackgroundTasks.class.getName());

    private final ExecutorService background;
    private final java.util.concurrent.Executor ui;

    public BackgroundTasks(ExecutorService background, java.util.concurrent.Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Daemon threads for work, {@code ui} for the callbacks. */
    public static BackgroundTasks withUi(java.util.concurrent.Executor ui) {
        AtomicInteger count = new AtomicInteger();
        return new BackgroundTasks(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sightline-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }), ui);
    }

    /**
     * @param what what the user would call this work ("Loading the schema"): starts the failure message
     * @return the running work, to cancel it (its callbacks then do not run)
     */
    public <T> Future<?> run(String what, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<String> onFailure) {
        return background.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                String message = describe(what, failure);
                LOG.log(failure instanceof ApiException ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                        message, failure instanceof ApiException ? null : failure);
                ui.execute(() -> onFailure.accept(message));
                return;
            }
            if (!Thread.currentThread().isInterrupted()) {
                ui.execute(() -> onSuccess.accept(result));
            }
        });
    }

    /** Runs {@code action} on the UI thread (for progress reported from inside background work). */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** The user-facing text of a failure: the server's own message when it gave one. */
    public static String describe(String what, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.getMessage();
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return what + " failed: " + detail;
    }

    public void shutdown() {
        background.shutdownNow();
    }
}
