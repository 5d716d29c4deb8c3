package io.sightline.server.execution;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** A bounded pool of worker threads in this JVM: the embedded mode's queue. */
@Component
@Conditional(RedisMode.Off.class)
class InProcessJobQueue implements JobQueue, DisposableBean {

    /** The queue label of the embedded mode's one queue (metrics, {@code /status.json}). */
    static final String NAME = "in-process";

    private final QueryExecutor executor;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger busy = new AtomicInteger();

    InProcessJobQueue(QueryExecutor executor, ExecutionProperties properties) {
        this.executor = executor;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(),
                0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "query-worker-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Jobs submitted that no worker thread has started yet. */
    int waiting() {
        return workers.getQueue().size();
    }

    /** How long the oldest job no worker thread has started yet has waited; 0 when none waits. */
    double oldestAgeSeconds() {
        return workers.getQueue().peek() instanceof Submitted oldest
                ? Math.max(0, System.currentTimeMillis() - oldest.submittedAtMillis()) / 1000.0 : 0;
    }

    int threads() {
        return workers.getMaximumPoolSize();
    }

    int busy() {
        return busy.get();
    }

    @Override
    public void submit(QueryJob job) {
        workers.execute(new Submitted(job, System.currentTimeMillis(), this));
    }

    private void run(QueryJob job) {
        busy.incrementAndGet();
        try {
            executor.execute(job, NAME);
        } finally {
            busy.decrementAndGet();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private record Submitted(QueryJob job, long submittedAtMillis, InProcessJobQueue queue) implements Runnable {
        @Override
        public void run() {
            queue.run(job);
        }
    }
}
