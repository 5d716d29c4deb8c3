package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.ApiException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * A worker's failures to use Redis: logged once per outage, not per attempt; a Redis that came back without
 * its data gets its streams and group again.
 */
@Component
@Conditional(RedisMode.Workers.class)
class WorkerOutage {

    private static final Logger log = LoggerFactory.getLogger(WorkerOutage.class);

    private final RedisJobQueue queue;
    private final WorkerState state;
    private final AtomicBoolean outage = new AtomicBoolean();

    WorkerOutage(RedisJobQueue queue, WorkerState state) {
        this.queue = queue;
        this.state = state;
    }

    /** Runs a housekeeping step; a failure is an outage, and the next round tries again. */
    void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    void failed(RuntimeException e) {
        if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
            // Redis came back without its data: recreate the streams and group, then carry on
            quietly(queue::ensureGroups);
            return;
        }
        if (e instanceof ApiException) {
            return; // Redis unreachable: RedisConnection logs that once per outage
        }
        if (outage.compareAndSet(false, true)) {
            log.error("Worker {} fails to use the Redis queue; retrying every second: {}", state.workerId(), e.toString());
        }
    }

    void recovered() {
        if (outage.compareAndSet(true, false)) {
            log.info("Worker {} uses the Redis queue again", state.workerId());
        }
    }

    static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // still down: the next round tries again
        }
    }
}
