package io.sightline.server.execution;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final QueryExecutor executor;
    private final ConcurrencyLimits limits;
    private final ThreadPoolExecutor workers;
    private final Map<Long, Integer> running = new HashMap<>();
    private final Map<Long, Queue<QueryJob>> waiting = new HashMap<>();

    InProcessJobQueue(QueryExecutor executor, ConcurrencyLimits limits, ExecutionProperties properties) {
        this.executor = executor;
        this.limits = limits;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(),
                0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "query-worker-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Jobs submitted that no worker thread has started yet. */
    synchronized int waiting() {
        return workers.getQueue().size() + waiting.values().stream().mapToInt(Queue::size).sum();
    }

    @Override
    public void submit(QueryJob job) {
        int limit = limits.of(job.dataSourceId());
        if (limit == ConcurrencyLimits.UNLIMITED) {
            workers.execute(() -> executor.execute(job));
            return;
        }
        synchronized (this) {
            int now = running.getOrDefault(job.dataSourceId(), 0);
            if (now >= limit) {
                waiting.computeIfAbsent(job.dataSourceId(), id -> new ArrayDeque<>()).add(job);
                return;
            }
            running.put(job.dataSourceId(), now + 1);
        }
        workers.execute(() -> runHoldingSlot(job));
    }

    private void runHoldingSlot(QueryJob job) {
        try {
            executor.execute(job);
        } finally {
            QueryJob next = handOver(job.dataSourceId());
            if (next != null) {
                workers.execute(() -> runHoldingSlot(next));
            }
        }
    }

    /** The next waiting job of the data source takes over the slot; with none, the slot is free. */
    private synchronized QueryJob handOver(long dataSourceId) {
        Queue<QueryJob> queue = waiting.get(dataSourceId);
        QueryJob next = queue == null ? null : queue.poll();
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
}
