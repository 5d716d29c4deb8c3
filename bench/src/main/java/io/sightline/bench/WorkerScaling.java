package io.sightline.bench;

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

    /** One step of the scaling table, with what the processes' own metrics said while it ran. */
    record ScalingStep(int threads, Concurrent.Run run, double meanWaiting, double meanBusy, double meanJobSeconds) {
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
        String before = Prometheus.scrape(worker);
        double[] sums = new double[3]; // waiting, busy, samples
        AtomicBoolean measuring = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (measuring.get()) {
                sums[0] += Prometheus.sum(Prometheus.scrape(api), "sightline_queue_depth{queue=\"adhoc\"}");
                sums[1] += Prometheus.sum(Prometheus.scrape(worker), "sightline_worker_threads{queue=\"adhoc\",state=\"busy\"}");
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
        return new ScalingStep(threads, run, sums[0] / sums[2], sums[1] / sums[2], seconds / jobs);
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
                `sightline_query_duration_seconds` (sum / count).

                | worker threads | queries/s (all steps of this size) | each step | ideal (threads / %.1f s) | of ideal | scaling efficiency (q/s ÷ threads ÷ q/s at 1 thread) | a thread's time per job beyond the sleep, ms | job run time in the worker, ms | mean waiting jobs | mean busy threads | latency p50 ms | p95 ms |
                |---|---|---|---|---|---|---|---|---|---|---|---|
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
                    "| %d | %.2f | %s | %.1f | %.1f %% | **%.1f %%** | %.0f | %.0f | %.1f | %.2f | %.0f | %.0f |%n", t, rate,
                    String.join(" / ", same.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.run().perSecond())).toList()),
                    ideal, 100 * rate / ideal, 100 * rate / t / single, beyondSleep,
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
