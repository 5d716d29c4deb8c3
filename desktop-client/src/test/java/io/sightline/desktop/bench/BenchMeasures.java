package io.sightline.desktop.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** What the desktop benches measure with: heap in use after GC, percentiles of frame times, work on the FX thread. */
public final class BenchMeasures {

    private BenchMeasures() {
    }

    /** Heap in use after a few GCs, in MB. */
    public static double heapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1048576.0;
    }

    /** The {@code p}-th percentile (nearest rank) of {@code values}. */
    public static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Runs {@code action} on the FX application thread and waits for its answer. */
    public static <T> T onFx(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
