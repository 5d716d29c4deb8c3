package io.sightline.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds. */
record Stats(long[] nanos) {

    double p(double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double medianMillis() {
        return p(50);
    }
}
