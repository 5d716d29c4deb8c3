package io.sightline.server.execution.embedded;

import io.sightline.server.execution.ConcurrencyLimits;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobLimits;
import io.sightline.server.execution.JobQueue;
import io.sightline.server.execution.QueryExecutor;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.LimitsProperties;
import io.sightline.server.system.MetadataStoreGate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * A bounded pool of worker threads in this JVM: the embedded mode's queue. A data source with a concurrency
 * limit gets at most that many threads at once; its further jobs wait here (still {@code queued}), without
 * holding a thread, and start as its running ones end.
 */
@Component
@Conditional(RedisMode.Off.class)
class InProcessJobQueue implements JobQueue, DisposableBean {

    /** The queue label of the embedded mode's one queue (metrics, {@code /status.json}). */
    static final String NAME = "in-process";

    private final QueryExecutor executor;
    private final ConcurrencyLimits limits;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<Long, Integer> running = new HashMap<>();
    private final Map<Long, Queue<Submitted>> waiting = new HashMap<>();
    private final int maxLength;
    private final MetadataStoreGate metadata;

    InProcessJobQueue(QueryExecutor executor, ConcurrencyLimits limits, ExecutionProperties properties,
                      LimitsProperties queueLimits, MetadataStoreGate metadata) {
        this.executor = executor;
        this.metadata = metadata;
        this.limits = limits;
        this.maxLength = queueLimits.maxQueueLength();
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(),
                0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "query-worker-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Jobs submitted that no worker thread has started yet, including those waiting for their data source. */
    synchronized int waiting() {
        return workers.getQueue().size() + waiting.values().stream().mapToInt(Queue::size).sum();
    }

    /** How long the oldest job no worker thread has started yet has waited; 0 when none waits. */
    synchronized double oldestAgeSeconds() {
        long now = System.currentTimeMillis();
        return Stream.concat(workers.getQueue().stream(), waiting.values().stream().flatMap(Queue::stream))
                .map(Submitted.class::cast)
                .mapToLong(Submitted::submittedAtMillis).min()
                .stream().mapToDouble(oldest -> Math.max(0, now - oldest) / 1000.0).findFirst().orElse(0);
    }

    int threads() {
        return workers.getMaximumPoolSize();
    }

    int busy() {
        return busy.get();
    }

    /** @throws io.sightline.server.system.ApiException 429 when {@code max-queue-length} jobs wait already */
    @Override
    public void submit(QueryJob job) {
        if (waiting() >= maxLength) {
            throw JobLimits.queueFull("The in-process queue", maxLength);
        }
        Submitted submitted = new Submitted(job, System.currentTimeMillis(), this);
        if (limits.of(job.dataSourceId()) == ConcurrencyLimits.UNLIMITED) {
            workers.execute(submitted);
            return;
        }
        synchronized (this) {
            int now = running.getOrDefault(job.dataSourceId(), 0);
            if (now >= limits.of(job.dataSourceId())) {
                waiting.computeIfAbsent(job.dataSourceId(), id -> new ArrayDeque<>()).add(submitted);
                return;
            }
            running.put(job.dataSourceId(), now + 1);
        }
        workers.execute(submitted.holdingSlot());
    }

    private void run(QueryJob job) {
        try {
            metadata.awaitOpen(); // a run needs the store (its data source, its result): it waits out an outage
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: queued in-process jobs end with the process
            return;
        }
        busy.incrementAndGet();
        try {
            executor.execute(job, NAME, QueryExecutor.Delivery.FIRST); // an in-process job is never run twice
        } finally {
            busy.decrementAndGet();
        }
    }

    private void runHoldingSlot(Submitted submitted) {
        try {
            run(submitted.job());
        } finally {
            Submitted next = handOver(submitted.job().dataSourceId());
            if (next != null) {
                workers.execute(next.holdingSlot());
            }
        }
    }

    /** The next waiting job of the data source takes over the slot; with none, the slot is free. */
    private synchronized Submitted handOver(long dataSourceId) {
        Queue<Submitted> queue = waiting.get(dataSourceId);
        Submitted next = queue == null ? null : queue.poll();
        if (queue != null && queue.isEmpty()) {
            waiting.remove(dataSourceId);
        }
        if (next == null) {
            running.merge(dataSourceId, -1, (count, minus) -> count + minus == 0 ? null : count + minus);
        }
        return next;
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A job as submitted, with when: the queue's oldest-age gauge reads it. */
    private record Submitted(QueryJob job, long submittedAtMillis, InProcessJobQueue queue, boolean holdsSlot)
            implements Runnable {

        Submitted(QueryJob job, long submittedAtMillis, InProcessJobQueue queue) {
            this(job, submittedAtMillis, queue, false);
        }

        /** The same job, to run in a slot of its data source already counted for it. */
        Submitted holdingSlot() {
            return new Submitted(job, submittedAtMillis, queue, true);
        }

        @Override
        public void run() {
            if (holdsSlot) {
                queue.runHoldingSlot(this);
            } else {
                queue.run(job);
            }
        }
    }
}
