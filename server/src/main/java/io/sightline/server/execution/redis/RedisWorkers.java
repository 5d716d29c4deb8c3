package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The worker side of the Redis queue, in processes of role {@code worker} or {@code all}: starts and stops
 * the consumer threads per queue ({@link RedisConsumer}), the {@link WorkerHeartbeat} and the
 * {@link WorkerTakeover} of dead workers' entries.
 * <p>
 * On shutdown the worker stops reading, lets running jobs finish within {@code shutdownGrace}, and leaves
 * anything unfinished pending for another worker.
 */
@Component
@Conditional(RedisMode.Workers.class)
class RedisWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisWorkers.class);

    private final RedisJobStore jobs;
    private final RedisDataSourceSlots slots;
    private final RedisConsumer consumer;
    private final WorkerHeartbeat heartbeat;
    private final WorkerTakeover takeover;
    private final WorkerState state;
    private final WorkerOutage outage;
    private final RedisQueueProperties properties;
    private ExecutorService consumers;
    private ScheduledExecutorService housekeeping;

    RedisWorkers(RedisJobStore jobs, RedisDataSourceSlots slots, RedisConsumer consumer, WorkerHeartbeat heartbeat,
                 WorkerTakeover takeover, WorkerState state, WorkerOutage outage, RedisQueueProperties properties) {
        this.jobs = jobs;
        this.slots = slots;
        this.consumer = consumer;
        this.heartbeat = heartbeat;
        this.takeover = takeover;
        this.state = state;
        this.outage = outage;
        this.properties = properties;
    }

    String workerId() {
        return state.workerId();
    }

    @Override
    public void start() {
        state.running(true);
        AtomicInteger number = new AtomicInteger();
        consumers = Executors.newFixedThreadPool(state.totalThreads(), runnable -> {
            Thread thread = new Thread(runnable, "redis-worker-" + number.incrementAndGet());
            thread.setDaemon(true); // a job still running after the grace period must not keep the JVM alive
            return thread;
        });
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            for (int i = 0; i < state.threads(q); i++) {
                consumers.execute(() -> consumer.consume(q));
            }
        }
        housekeeping = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "redis-worker-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(() -> outage.guarded(heartbeat::beat), 0, heartbeat.intervalMillis(),
                TimeUnit.MILLISECONDS);
        long reap = takeover.intervalMillis();
        housekeeping.scheduleWithFixedDelay(() -> outage.guarded(takeover::takeOverAbandoned), reap, reap,
                TimeUnit.MILLISECONDS);
        log.info("Worker {} takes jobs from Redis: {} adhoc and {} scheduled threads", state.workerId(),
                state.threads(RedisJobQueue.Queue.ADHOC), state.threads(RedisJobQueue.Queue.SCHEDULED));
    }

    @Override
    public void stop() {
        state.running(false);
        consumers.shutdown();
        try {
            if (!consumers.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                handBack();
                housekeeping.shutdownNow();
                consumers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        housekeeping.shutdownNow();
        heartbeat.vanish();
    }

    /**
     * What did not finish within the grace period is never acknowledged and no longer renewed, so another worker
     * takes it over after the visibility timeout; what the interrupted statements report here must not end the jobs.
     */
    private void handBack() {
        state.handBack();
        var unfinished = state.held();
        unfinished.forEach(taken -> {
            jobs.abandon(taken.job().jobId());
            slots.forget(taken.job().jobId()); // its statement may still run until this JVM exits
        });
        log.warn("Worker {} stops with {} jobs unfinished; another worker takes them over after {}",
                state.workerId(), unfinished.size(), properties.visibilityTimeout());
    }

    @Override
    public boolean isRunning() {
        return state.running();
    }

    /**
     * Stops early (right after the default phase), before the web server's graceful shutdown; the connection
     * pools the running jobs use are beans, closed only after every lifecycle has stopped.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
