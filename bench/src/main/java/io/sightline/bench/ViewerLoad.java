package io.sightline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Virtual viewers in a closed loop, each on its own kept-alive connection, no pause between requests (as wrk) unless
 * a pause after each page view is asked for: the
 * dashboard's JSON, then each widget's data as a first visit loads it, then each again as a browser revalidates
 * what it holds ({@code If-None-Match} with the ETag it got, else {@code If-Modified-Since}). The same loop runs
 * against any {@link Target}: the shared dashboard, or static files of the same sizes.
 */
final class ViewerLoad implements AutoCloseable {

    /** What a request of the loop is, for the figures. */
    enum Kind {
        DASHBOARD("dashboard JSON"),
        FIRST_LOAD("widget data, first load (200)"),
        REVALIDATE("widget data, revalidated (304)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The page's JSON and its widgets' data, as paths on the server. */
    record Target(String name, String dashboard, List<String> widgets) {
    }

    /**
     * One kind's latencies (ns), how many answers were not what a page expects (no answer, or another status), and
     * how many revalidations got 200 because the result changed meanwhile (not an error).
     */
    record KindFigures(long[] latencies, long errors, long changed) {
    }

    /** A round: its wall time and, per kind, what its viewers measured. */
    record Round(long wallNanos, Map<Kind, KindFigures> kinds) {
    }

    private final int port;
    private final int viewers;
    private final ExecutorService threads;
    /** A viewer's pause after each page view (all its requests), as a person looks at the page; 0: none. */
    private final Duration pause;
    /**
     * The viewers of each target, kept across rounds as a browser keeps its connection and its place: a round
     * shorter than one loop (21 requests) would otherwise never reach the revalidations.
     */
    private final Map<String, Viewer[]> viewersOf = new HashMap<>();

    ViewerLoad(int port, int viewers, Duration pause) {
        this.port = port;
        this.viewers = viewers;
        this.pause = pause;
        this.threads = Executors.newFixedThreadPool(viewers);
    }

    Round run(Target target, Duration length) throws Exception {
        Viewer[] own = viewersOf.computeIfAbsent(target.name(), n -> {
            var made = new Viewer[viewers];
            for (int v = 0; v < viewers; v++) {
                made[v] = new Viewer(new KeepAliveConnection(port), target);
            }
            return made;
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Figures>> done = new ArrayList<>();
        for (Viewer viewer : own) {
            done.add(threads.submit(() -> {
                go.await();
                return viewer.loop(System.nanoTime() + length.toNanos(), pause.toNanos());
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<Figures> finished = new ArrayList<>();
        for (Future<Figures> viewer : done) {
            finished.add(viewer.get());
        }
        long wall = System.nanoTime() - start;
        Map<Kind, KindFigures> kinds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            kinds.put(kind, new KindFigures(
                    LongSamples.concat(finished.stream().map(f -> f.samples.get(kind)).toList()),
                    finished.stream().mapToLong(f -> f.errors[kind.ordinal()]).sum(),
                    kind == Kind.REVALIDATE ? finished.stream().mapToLong(f -> f.changed).sum() : 0));
        }
        return new Round(wall, kinds);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        viewersOf.values().forEach(all -> {
            for (Viewer v : all) {
                v.connection.close();
            }
        });
    }

    /** What one viewer measured in a round. */
    private static final class Figures {

        private final Map<Kind, LongSamples> samples = new EnumMap<>(Kind.class);
        private final long[] errors = new long[Kind.values().length];
        /** Revalidations answered 200: the widget's result changed between the two requests. */
        private long changed;

        Figures() {
            for (Kind kind : Kind.values()) {
                samples.put(kind, new LongSamples());
            }
        }
    }

    /** One virtual viewer: its connection, its place in the loop, and the validators it holds. */
    private static final class Viewer {

        private final KeepAliveConnection connection;
        private final Target target;
        private final String[] validators;
        /** The next request: 0 the dashboard, 1..n the widgets' first loads, n+1..2n their revalidations. */
        private int step;
        private boolean started;
        /** What a turn's end cut off this viewer's pause: it sits it out at the start of its next turn. */
        private long pauseLeft;
        private Figures figures;

        Viewer(KeepAliveConnection connection, Target target) {
            this.connection = connection;
            this.target = target;
            this.validators = new String[target.widgets().size()];
        }

        Figures loop(long deadline, long pauseNanos) throws InterruptedException {
            figures = new Figures();
            int widgets = validators.length;
            if (!started && pauseNanos > 0) { // viewers arrive spread over one pause, not all in the same instant
                started = true;
                pauseLeft = ThreadLocalRandom.current().nextLong(pauseNanos);
            }
            // a pause goes on across turns, as the viewer's place in its loop does: otherwise every viewer that was
            // pausing when the last turn ended would start at once, and the viewers would fall into step
            pauseLeft = nap(pauseLeft, deadline);
            while (System.nanoTime() < deadline) {
                if (step == 0) {
                    request(Kind.DASHBOARD, target.dashboard(), null);
                } else if (step <= widgets) {
                    KeepAliveConnection.Answer answer = request(Kind.FIRST_LOAD, target.widgets().get(step - 1), null);
                    validators[step - 1] = answer == null ? null : answer.etag() != null
                            ? "If-None-Match: " + answer.etag()
                            : answer.lastModified() != null ? "If-Modified-Since: " + answer.lastModified() : null;
                } else if (validators[step - widgets - 1] != null) {
                    request(Kind.REVALIDATE, target.widgets().get(step - widgets - 1), validators[step - widgets - 1]);
                }
                step = (step + 1) % (2 * widgets + 1);
                if (step == 0 && pauseNanos > 0) {
                    pauseLeft = nap(pauseNanos, deadline);
                }
            }
            return figures;
        }

        /** @return what the deadline left of the pause */
        private static long nap(long nanos, long deadline) throws InterruptedException {
            long nap = Math.min(nanos, deadline - System.nanoTime());
            if (nap > 0) {
                Thread.sleep(nap / 1_000_000, (int) (nap % 1_000_000));
            }
            return nanos - Math.max(nap, 0);
        }

        /** The answer, or null after counting an error (no answer, or not the status a page expects). */
        private KeepAliveConnection.Answer request(Kind kind, String path, String conditional) {
            long t0 = System.nanoTime();
            KeepAliveConnection.Answer answer;
            try {
                answer = connection.get(path, conditional);
            } catch (Exception e) {
                figures.errors[kind.ordinal()]++;
                return null;
            }
            figures.samples.get(kind).add(System.nanoTime() - t0);
            boolean expected = kind == Kind.REVALIDATE ? answer.status() == 304 || answer.status() == 200
                    : answer.status() == 200;
            if (!expected) {
                figures.errors[kind.ordinal()]++;
                return null;
            }
            if (kind == Kind.REVALIDATE && answer.status() == 200) {
                figures.changed++;
            }
            return answer;
        }
    }
}
