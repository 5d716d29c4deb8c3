package io.sightline.desktop.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the JVM did during each long frame gap (over 50 ms) of the scroll: GC pause time, JIT compile time, and the
 * CPU time the FX thread and the renderer thread actually got. A gap much longer than the two threads' CPU time
 * was spent waiting for a core (the machine is shared), not working.
 */
final class FrameCauses {

    private static final double LONG_MS = 50;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long renderer = rendererThreadId();
    private final List<String> lines = new ArrayList<>();
    private long[] previous;
    private int frame;
    private double gcTotal;
    private double jitTotal;
    private double fxTotal;
    private double renderTotal;
    private double gapTotal;
    private int allFrames;
    private double allFx;
    private double allRender;

    /** Called on the FX thread at the start of each frame with the gap since the previous one. */
    void frame(double gapMillis, double lastWorkMillis) {
        long[] now = {gcMillis(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                threads.getCurrentThreadCpuTime(), renderer < 0 ? 0 : threads.getThreadCpuTime(renderer),
                ManagementFactory.getRuntimeMXBean().getUptime()};
        if (previous != null) {
            allFrames++;
            allFx += (now[2] - previous[2]) / 1e6;
            allRender += (now[3] - previous[3]) / 1e6;
        }
        if (previous != null && gapMillis > LONG_MS) {
            double gc = now[0] - previous[0];
            double jit = now[1] - previous[1];
            double fx = (now[2] - previous[2]) / 1e6;
            double render = (now[3] - previous[3]) / 1e6;
            gcTotal += gc;
            jitTotal += jit;
            fxTotal += fx;
            renderTotal += render;
            gapTotal += gapMillis;
            lines.add(String.format(Locale.ROOT, "  frame %4d at %6.1f s: gap %6.1f ms | GC %4.0f ms | JIT %5.0f ms"
                            + " | FX-thread CPU %5.1f ms (step %5.1f ms) | renderer CPU %5.1f ms | not running %5.1f ms",
                    frame, now[4] / 1000.0, gapMillis, gc, jit, fx, lastWorkMillis, render,
                    Math.max(0, gapMillis - fx - render)));
        }
        previous = now;
        frame++;
    }

    void print() {
        System.out.printf(Locale.ROOT, "CPU time per frame, mean of all %d frames: FX thread %.1f ms, renderer %.1f ms%n",
                allFrames, allFx / Math.max(1, allFrames), allRender / Math.max(1, allFrames));
        System.out.printf(Locale.ROOT, "long frames (over %.0f ms): %d; in them GC %.0f ms, JIT compiling %.0f ms,"
                        + " FX-thread CPU %.0f ms, renderer CPU %.0f ms, of %.0f ms%n", LONG_MS, lines.size(), gcTotal,
                jitTotal, fxTotal, renderTotal, gapTotal);
        lines.forEach(System.out::println);
    }

    private long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    private static long rendererThreadId() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("QuantumRenderer")) {
                return thread.getId();
            }
        }
        return -1;
    }
}
