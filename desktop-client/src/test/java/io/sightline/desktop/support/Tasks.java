package io.sightline.desktop.support;

import io.sightline.desktop.task.BackgroundTasks;
import java.util.concurrent.Executors;

/** Background work on real threads, callbacks on one "UI" thread, as the FX thread would run them. */
public final class Tasks {

    private Tasks() {
    }

    public static BackgroundTasks serialUi() {
        return new BackgroundTasks(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-task");
            thread.setDaemon(true);
            return thread;
        }), Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "test-ui");
            thread.setDaemon(true);
            return thread;
        }));
    }
}
