package io.sightline.bench;

import io.sightline.bench.ViewerLoad.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

/** The viewers bench's tables: each target's rounds merged, the shared dashboard against the static ceiling. */
final class ViewersReport {

    private static final double GOAL_RATIO = 0.5;
    private static final double GOAL_P95_MS = 50;

    private record Measured(ViewerLoad.Round round, MachineCpu.Cores cores) {
    }

    private final ViewersBench.Options options;
    private final ViewerLoad.Target shared;
    private final ViewerLoad.Target ceiling;
    private final Path staticDir;
    private final String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private final String loadBefore = ProductionWorkloads.loadAverage();
    private final Map<String, List<Measured>> rounds = new LinkedHashMap<>();
    private final StringBuilder paint = new StringBuilder();

    ViewersReport(ViewersBench.Options options, ViewerLoad.Target shared, ViewerLoad.Target ceiling, Path staticDir) {
        this.options = options;
        this.shared = shared;
        this.ceiling = ceiling;
        this.staticDir = staticDir;
    }

    void add(ViewerLoad.Target target, ViewerLoad.Round round, MachineCpu.Cores cores) {
        rounds.computeIfAbsent(target.name(), n -> new ArrayList<>()).add(new Measured(round, cores));
    }

    void paint(String dashboard, List<FirstPaint.Open> opens) {
        FirstPaint.Open first = opens.get(0);
        List<FirstPaint.Open> warm = opens.size() > 1 ? opens.subList(1, opens.size()) : opens;
        double[] drawn = warm.stream().mapToDouble(FirstPaint.Open::painted).sorted().toArray();
        paint.append(String.format(Locale.ROOT, "| %s | %d of %d | %.0f | %.0f | %d | %.0f | %.0f | %.0f | %.0f – %.0f |%n",
                dashboard, first.widgets() - first.errors(), first.widgets(), first.firstContentfulPaint(),
                first.painted(), warm.size(), median(warm.stream().mapToDouble(FirstPaint.Open::firstContentfulPaint)
                        .sorted().toArray()), median(warm.stream().mapToDouble(FirstPaint.Open::allDrawn).sorted().toArray()),
                median(drawn), drawn[0], drawn[drawn.length - 1]));
    }

    String markdown() throws IOException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                ### Run of %s UTC: %d viewers, %d s per target in %d turns each, taking turns; pause after a page view: %d ms
                Load average (1/5/15 min) before: %s, after: %s. Answers' bytes: dashboard JSON %d, widget data %s.

                | target | request | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |
                |---|---|---|---|---|---|---|---|
                """, started, options.viewers(), options.seconds(), options.rounds(), options.pauseMs(), loadBefore,
                ProductionWorkloads.loadAverage(), Files.size(staticDir.resolve("dashboard.json")), widgetSizes()));
        for (ViewerLoad.Target target : List.of(shared, ceiling)) {
            for (Kind kind : Kind.values()) {
                row(out, target, kind.label, List.of(kind));
            }
            row(out, target, "**whole loop**", List.of(Kind.values()));
        }
        out.append("""

                | request | shared / static requests/s | goal ≥ 0.5 | shared p95 ms | goal < 50 ms | shared errors |
                |---|---|---|---|---|---|
                """);
        for (Kind kind : Kind.values()) {
            ratio(out, kind.label, List.of(kind));
        }
        ratio(out, "**whole loop**", List.of(Kind.values()));
        out.append("""

                | target | cores used by the server | by the load generator (this JVM) | by the rest of the machine |
                |---|---|---|---|
                """);
        for (ViewerLoad.Target target : List.of(shared, ceiling)) {
            MachineCpu.Cores c = MachineCpu.Cores.mean(rounds.get(target.name()).stream().map(Measured::cores).toList());
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", target.name(), c.server(),
                    c.generator(), c.rest()));
        }
        long changed = rounds.get(shared.name()).stream()
                .mapToLong(m -> m.round().kinds().get(Kind.REVALIDATE).changed()).sum();
        out.append(String.format(Locale.ROOT, "%nRevalidations of the shared dashboard answered 200 (result changed): %d.%n",
                changed));
        out.append("""

                First paint in headless Chromium (ms from navigation start; results stored on the server): the first open
                with the browser's cache empty, then the median of the others (cache warm, widget data revalidated: 304).

                | dashboard | widgets drawn | first open: FCP | first open: all widgets drawn | opens | FCP median | last widget ready, median | all widgets drawn (next frame), median | min – max |
                |---|---|---|---|---|---|---|---|---|
                """).append(paint);
        return out.toString();
    }

    private void row(StringBuilder out, ViewerLoad.Target target, String label, List<Kind> kinds) {
        long[] latencies = latencies(target, kinds);
        Stats stats = new Stats(latencies.length == 0 ? new long[] {0} : latencies);
        out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.1f | %.1f | %.1f | %d |%n", target.name(),
                label, latencies.length, perSecond(target, kinds), stats.p(50), stats.p(95), stats.p(99),
                errors(target, kinds)));
    }

    private void ratio(StringBuilder out, String label, List<Kind> kinds) {
        double ratio = perSecond(shared, kinds) / perSecond(ceiling, kinds);
        double p95 = new Stats(latencies(shared, kinds)).p(95);
        // paced viewers ask for what their pauses allow: the ratio then says nothing of capacity
        String throughputGoal = options.pauseMs() > 0 ? "— (paced)" : ratio >= GOAL_RATIO ? "met" : "**not met**";
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.1f | %s | %d |%n", label, ratio, throughputGoal,
                p95, p95 < GOAL_P95_MS ? "met" : "**not met**", errors(shared, kinds)));
    }

    private long[] latencies(ViewerLoad.Target target, List<Kind> kinds) {
        return rounds.get(target.name()).stream().flatMapToLong(m -> kinds.stream()
                .flatMapToLong(k -> LongStream.of(m.round().kinds().get(k).latencies()))).toArray();
    }

    private double perSecond(ViewerLoad.Target target, List<Kind> kinds) {
        double seconds = rounds.get(target.name()).stream().mapToDouble(m -> m.round().wallNanos() / 1e9).sum();
        return latencies(target, kinds).length / seconds;
    }

    private long errors(ViewerLoad.Target target, List<Kind> kinds) {
        return rounds.get(target.name()).stream().mapToLong(m -> kinds.stream()
                .mapToLong(k -> m.round().kinds().get(k).errors()).sum()).sum();
    }

    private String widgetSizes() throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (String path : ceiling.widgets()) {
            sizes.add(Files.size(staticDir.resolve(path.substring(path.lastIndexOf('/') + 1))));
        }
        return sizes.toString();
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
    }
}
