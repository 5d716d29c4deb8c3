package io.sightline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * (3) of issue 3's performance section: how the Redis path's throughput of I/O-bound ({@code pg_sleep}) queries grows
 * with a worker's threads.
 */
final class WorkerScaling {

    private final ProductionWorkloads queries;

    WorkerScaling(ProductionWorkloads queries) {
        this.queries = queries;
    }

    /**
     * One step of the scaling table, with what the processes' own metrics said while it ran.
     *
     * @param steadyPerSecond jobs a second the worker ended between a fifth and four fifths of the step's jobs, when
     *        the queue is never empty (the whole run's rate also counts the clients' start and their last looks)
     * @param statementSeconds the median time of the same statement over a plain JDBC connection, just before the step
     */
    record ScalingStep(int threads, Concurrent.Run run, double meanWaiting, double meanBusy, double meanJobSeconds,
                       double steadyPerSecond, double statementSeconds) {

        /** A worker thread's time per job beyond the statement's own, in the steady part of the step. */
        double beyondStatementMillis() {
            return 1000 * (threads / steadyPerSecond - statementSeconds);
        }
    }

    /**
     * (3) One step of the scaling table, on a worker just started with {@code threads} threads: small queries first
     * (so that the JIT has compiled the path before it is measured), then {@code perThread} sleeping queries per
     * thread. Meanwhile the API's {@code sightline_queue_depth} and the worker's busy threads are sampled every 100
     * ms, and the worker's {@code sightline_query_duration_seconds} gives how long it spent on each job.
     */
    ScalingStep sleepingRun(QueryPath path, Concurrent clients, int threads, int perThread, ServerProcess api,
                            ServerProcess worker) throws Exception {
        clients.run(path, 200, queries.small());
        clients.run(path, 2 * threads, queries.sleeping());
        double statementSeconds = statementSeconds();
        String before = Prometheus.scrape(worker);
        double[] sums = new double[3]; // waiting, busy, samples
        List<long[]> ended = new ArrayList<>(); // {nanoTime, jobs the worker has ended}
        AtomicBoolean measuring = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (measuring.get()) {
                sums[0] += Prometheus.sum(Prometheus.scrape(api), "sightline_queue_depth{queue=\"adhoc\"}");
                String scrape = Prometheus.scrape(worker);
                ended.add(new long[] {System.nanoTime(), (long) Prometheus.sum(scrape, "sightline_query_duration_seconds_count")});
                sums[1] += Prometheus.sum(scrape, "sightline_worker_threads{queue=\"adhoc\",state=\"busy\"}");
                sums[2]++;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-metrics-sampler");
        sampler.start();
        Concurrent.Run run = clients.run(path, perThread * threads, queries.sleeping());
        measuring.set(false);
        sampler.join();
        String after = Prometheus.scrape(worker);
        double jobs = Prometheus.sum(after, "sightline_query_duration_seconds_count")
                - Prometheus.sum(before, "sightline_query_duration_seconds_count");
        double seconds = Prometheus.sum(after, "sightline_query_duration_seconds_sum")
                - Prometheus.sum(before, "sightline_query_duration_seconds_sum");
        return new ScalingStep(threads, run, sums[0] / sums[2], sums[1] / sums[2], seconds / jobs,
                steadyRate(ended, perThread * threads), statementSeconds);
    }

    /**
     * Jobs a second between the samples where the worker had ended a fifth and four fifths of the step's {@code jobs}
     * (counted from the first sample): the middle of the step, where the clients keep the queue full.
     */
    static double steadyRate(List<long[]> ended, int jobs) {
        long start = ended.get(0)[1];
        long[] from = null;
        long[] to = null;
        for (long[] sample : ended) {
            if (from == null && sample[1] - start >= jobs / 5) {
                from = sample;
            }
            if (to == null && sample[1] - start >= 4 * jobs / 5) {
                to = sample;
            }
        }
        if (from == null || to == null || to[0] == from[0]) {
            throw new IllegalStateException("The worker's job count did not reach four fifths of " + jobs + " jobs");
        }
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }

    /** The median of five runs of the step's statement over one plain JDBC connection: what the database itself takes. */
    private double statementSeconds() throws SQLException {
        long[] nanos = new long[5];
        try (Connection connection = DriverManager.getConnection(ProductionBench.POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (int run = 0; run < nanos.length; run++) {
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery(queries.sleeping().apply(run))) {
                    rows.next();
                }
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e9;
    }

    /** The table of (3): steps with the same number of threads (run at different times) are taken together. */
    String table(List<ScalingStep> steps, String load, long jobPollMillis) {
        Map<Integer, List<ScalingStep>> byThreads = new LinkedHashMap<>();
        steps.forEach(step -> byThreads.computeIfAbsent(step.threads(), t -> new ArrayList<>()).add(step));
        int perThread = steps.get(0).run().latencies().length / steps.get(0).threads();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                ### (3) Throughput of `pg_sleep(%.1f)` queries through the Redis path by worker threads (one worker process)
                %d client threads; steps in the order %s worker threads (so that a drift of the machine's load falls \
                on every size alike), each on a freshly started worker: 200 small and 2 sleeping queries per thread of \
                warm-up, then %d sleeping queries per thread measured; a client looks at a job that outlasts the answer \
                window every %d ms. Load average (1/5/15 min) at the end: %s. \
                Waiting jobs and busy threads: the API's `sightline_queue_depth{queue="adhoc"}` and the worker's \
                `sightline_worker_threads{state="busy"}`, sampled every 100 ms; job run time: the worker's \
                `sightline_query_duration_seconds` (sum / count). Steady: the jobs a second the worker ended between a \
                fifth and four fifths of a step's jobs (its `sightline_query_duration_seconds_count`, sampled with the \
                rest), where the queue is never empty; the whole-run figures also count the clients' start and their \
                last looks at a job (up to the pause). The statement's own time: the median of 5 runs of the same SQL \
                over one plain JDBC connection before each step; the issue's goal is on a thread's time beyond it.

                | worker threads | queries/s (all steps of this size) | each step | ideal (threads / %.1f s) | of ideal | scaling efficiency (q/s ÷ threads ÷ q/s at 1 thread) | a thread's time per job beyond the sleep, ms | steady queries/s | the statement over JDBC, ms | **a thread's time per job beyond the statement, steady, ms** | job run time in the worker, ms | mean waiting jobs | mean busy threads | latency p50 ms | p95 ms |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                """, ProductionWorkloads.SLEEP_SECONDS, steps.get(0).run().clients(),
                String.join(", ", steps.stream().map(s -> Integer.toString(s.threads())).toList()), perThread, jobPollMillis,
                load,
                ProductionWorkloads.SLEEP_SECONDS));
        double single = rate(byThreads.get(1));
        byThreads.forEach((t, same) -> {
            double rate = rate(same);
            double ideal = t / ProductionWorkloads.SLEEP_SECONDS;
            double beyondSleep = 1000 * (t / rate - ProductionWorkloads.SLEEP_SECONDS);
            Stats latency = new Stats(same.stream().flatMapToLong(s -> Arrays.stream(s.run().latencies())).toArray());
            table.append(String.format(Locale.ROOT,
                    "| %d | %.2f | %s | %.1f | %.1f %% | **%.1f %%** | %.0f | %.2f | %.1f | **%.1f** | %.0f | %.1f | %.2f | %.0f | %.0f |%n",
                    t, rate,
                    String.join(" / ", same.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.run().perSecond())).toList()),
                    ideal, 100 * rate / ideal, 100 * rate / t / single, beyondSleep,
                    same.stream().mapToDouble(ScalingStep::steadyPerSecond).average().orElseThrow(),
                    1000 * same.stream().mapToDouble(ScalingStep::statementSeconds).average().orElseThrow(),
                    same.stream().mapToDouble(ScalingStep::beyondStatementMillis).average().orElseThrow(),
                    1000 * same.stream().mapToDouble(ScalingStep::meanJobSeconds).average().orElseThrow(),
                    same.stream().mapToDouble(ScalingStep::meanWaiting).average().orElseThrow(),
                    same.stream().mapToDouble(ScalingStep::meanBusy).average().orElseThrow(),
                    latency.p(50), latency.p(95)));
        });
        return table.append('\n').toString();
    }

    /** Queries per second over several steps: all their queries over all their wall time. */
    private static double rate(List<ScalingStep> steps) {
        long count = steps.stream().mapToLong(s -> s.run().latencies().length).sum();
        long nanos = steps.stream().mapToLong(s -> s.run().wallNanos()).sum();
        return count / (nanos / 1e9);
    }
}
