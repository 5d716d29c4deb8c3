package io.sightline.desktop.support;

import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops JavaFX once every test of the JVM has run, before the JVM exits (registered in
 * {@code META-INF/services}). Left running, the toolkit's threads went on through the JVM's exit, and once in a CI
 * run of the whole module the test JVM died of SIGABRT after all 393 tests had passed, which fails the build.
 * {@link Platform#exit()} runs the toolkit's own shutdown while the JVM is whole: WebKit is told it is shutting down,
 * the event thread and the renderer end.
 */
public final class StopJavaFxAfterTests implements LauncherSessionListener {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Thread> fxThreads = threads("JavaFX Application Thread", "QuantumRenderer");
        if (fxThreads.isEmpty()) {
            return; // no test of this run started JavaFX
        }
        Platform.exit();
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        try {
            for (Thread thread : fxThreads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> left = threads("JavaFX Application Thread", "QuantumRenderer");
        if (!left.isEmpty()) {
            System.err.println("JavaFX had not stopped " + STOP_LIMIT.toSeconds() + " s after the tests' end: " + left);
        }
    }

    private static List<Thread> threads(String... namePrefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> List.of(namePrefixes).stream().anyMatch(thread.getName()::startsWith))
                .toList();
    }
}
