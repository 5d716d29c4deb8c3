package io.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU used so far by this JVM (the load generator), by the server process, and by the whole machine
 * ({@code /proc/stat}): the difference of two samples says who had the cores during a round.
 */
record MachineCpu(long atNanos, long generatorNanos, long serverNanos, long machineBusyTicks, long machineTicks) {

    /** Linux's USER_HZ: /proc/stat counts in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100;

    static MachineCpu sample(ServerProcess server) {
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine's share is left out (zero)
        }
        return new MachineCpu(System.nanoTime(),
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos(),
                server.cpu().toNanos(), busy, total);
    }

    /** Cores in use between {@code earlier} and this sample: generator, server, and everything else on the machine. */
    Cores since(MachineCpu earlier) {
        double wall = atNanos - earlier.atNanos;
        double generator = (generatorNanos - earlier.generatorNanos) / wall;
        double server = (serverNanos - earlier.serverNanos) / wall;
        double machine = (machineBusyTicks - earlier.machineBusyTicks) / TICKS_PER_SECOND / (wall / 1e9);
        return new Cores(generator, server, Math.max(0, machine - generator - server), wall / 1e9);
    }

    /** Mean cores busy over a span of {@code seconds}. */
    record Cores(double generator, double server, double rest, double seconds) {

        /** The time-weighted mean of several spans. */
        static Cores mean(java.util.List<Cores> spans) {
            double seconds = spans.stream().mapToDouble(Cores::seconds).sum();
            return new Cores(spans.stream().mapToDouble(c -> c.generator * c.seconds).sum() / seconds,
                    spans.stream().mapToDouble(c -> c.server * c.seconds).sum() / seconds,
                    spans.stream().mapToDouble(c -> c.rest * c.seconds).sum() / seconds, seconds);
        }
    }
}
