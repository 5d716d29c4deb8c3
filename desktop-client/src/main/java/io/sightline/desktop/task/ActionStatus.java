package io.sightline.desktop.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a dialog says about the action it last ran on the server: busy while it runs, then either what was done
 * ({@link #messageProperty()}) or why it failed, in the server's words ({@link #errorProperty()}), never both.
 */
public final class ActionStatus {

    private final BackgroundTasks tasks;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ActionStatus(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code work} in the background (cleared lines, busy meanwhile), then {@code done} on the UI thread. */
    public <T> void run(String what, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run(what, work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            error.set(failure);
        });
    }

    /** What was just done. */
    public void done(String text) {
        error.set("");
        message.set(text);
    }

    /** Why the action failed, or was not started. */
    public void failed(String why) {
        message.set("");
        error.set(why);
    }

    /** What was just done ("Copied ..."); empty after a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last action failed, in the server's words; empty after a success. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
