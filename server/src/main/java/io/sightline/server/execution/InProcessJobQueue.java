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

    private final QueryExecutor executor;
    private final ThreadPoolExecutor workers;

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

    @Override
    public void submit(QueryJob job) {
        workers.execute(() -> executor.execute(job));
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
