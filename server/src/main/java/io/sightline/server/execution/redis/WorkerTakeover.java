package io.sightline.server.execution.redis;

import io.sightline.server.execution.Jobs;
import io.sightline.server.execution.RedisMode;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Entries idle for longer than {@code visibilityTimeout} belong to a dead worker: this worker takes over as many
 * as it has free threads for (XAUTOCLAIM); an entry delivered more than {@code maxDeliveries} times is failed
 * with a message instead, so a job that kills its workers cannot kill them all.
 */
@Component
@Conditional(RedisMode.Workers.class)
class WorkerTakeover {

    private static final Logger log = LoggerFactory.getLogger(WorkerTakeover.class);

    private final RedisConnection redis;
    private final RedisJobQueue queue;
    private final RedisJobStore jobs;
    private final RedisConsumer consumer;
    private final WorkerState state;
    private final RedisQueueProperties properties;

    WorkerTakeover(RedisConnection redis, RedisJobQueue queue, RedisJobStore jobs, RedisConsumer consumer,
                   WorkerState state, RedisQueueProperties properties) {
        this.redis = redis;
        this.queue = queue;
        this.jobs = jobs;
        this.consumer = consumer;
        this.state = state;
        this.properties = properties;
    }

    /** How often to look: often enough to take a job over soon after its worker's visibility timeout. */
    long intervalMillis() {
        return Math.max(200, Math.min(properties.visibilityTimeout().toMillis() / 2, 5_000));
    }

    void takeOverAbandoned() {
        if (!state.running()) {
            return;
        }
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            int free = state.free(q);
            if (free <= 0) {
                continue;
            }
            String stream = queue.stream(q);
            Map.Entry<StreamEntryID, List<StreamEntry>> result = redis.call(jedis -> jedis.xautoclaim(stream,
                    RedisJobQueue.GROUP, state.workerId(), properties.visibilityTimeout().toMillis(), new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(free)));
            for (StreamEntry entry : result == null ? List.<StreamEntry>of() : result.getValue()) {
                if (entry == null || entry.getFields() == null) {
                    continue;
                }
                takeOver(q, stream, entry);
            }
        }
    }

    private void takeOver(RedisJobQueue.Queue q, String stream, StreamEntry entry) {
        List<StreamPendingEntry> pending = redis.call(jedis -> jedis.xpending(stream, RedisJobQueue.GROUP,
                XPendingParams.xPendingParams(entry.getID(), entry.getID(), 1)));
        // a job put back while its data source was at its limit counts the deliveries of its earlier entries
        long deliveries = RedisJobQueue.lostDeliveries(entry) + (pending.isEmpty() ? 1 : pending.get(0).getDeliveredTimes());
        TakenEntry taken = TakenEntry.takenOver(q, stream, entry, deliveries);
        String previous = jobs.fields(taken.job().jobId()).getOrDefault("worker", "unknown");
        if (deliveries > properties.maxDeliveries()) {
            state.hold(taken);
            String error = "The query was given to " + properties.maxDeliveries() + " workers and each stopped"
                    + " responding while running it (last: " + previous + "); it was not retried again";
            log.warn("Job {}: {}", taken.job().jobId(), error);
            if (jobs.find(taken.job().jobId()).isPresent()) {
                jobs.update(taken.job().jobId(), job -> Jobs.failed(job, error));
            }
            consumer.acknowledge(taken);
            return;
        }
        log.warn("Worker {} takes over job {} last held by worker {}, which showed no sign of life for {} (delivery {} of {})",
                state.workerId(), taken.job().jobId(), previous, properties.visibilityTimeout(), deliveries,
                properties.maxDeliveries());
        state.claim(taken);
    }
}
