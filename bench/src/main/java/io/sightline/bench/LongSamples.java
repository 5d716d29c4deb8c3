package io.sightline.bench;

import java.util.Arrays;
import java.util.List;

/** A growing array of longs: one thread's latencies, without boxing a million of them. */
final class LongSamples {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    static long[] concat(List<LongSamples> parts) {
        long[] all = new long[parts.stream().mapToInt(LongSamples::size).sum()];
        int at = 0;
        for (LongSamples part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        return all;
    }
}
