package io.sightline.server.execution.redis;

import io.sightline.server.execution.ConcurrencyLimits;
import io.sightline.server.execution.QueryExecutor;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.MetadataStoreGate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What one consumer thread does: take an entry (one taken over from a dead worker first, else the next new one
 * of its queue), run its job within the data source's concurrency limit, and acknowledge it once the job has
 * ended; a job whose data source is at its limit goes back to the queue.
 */
@Component
@Conditional(RedisMode.Workers.class)
class RedisConsumer {

    private static final Logger log = LoggerFactory.getLogger(RedisConsumer.class);
    private static final int READ_BLOCK_MILLIS = 1_000;
    /** A thread that put a job back (its data source at its limit) waits this long before it reads again. */
    private static final int SLOT_RETRY_MILLIS = 250;

    private final RedisConnection redis;
    private final RedisJobQueue queue;
    private final RedisJobStore jobs;
    private final QueryExecutor executor;
    private final ConcurrencyLimits limits;
    private final RedisDataSourceSlots slots;
    private final WorkerState state;
    private final WorkerOutage outage;
    private final MetadataStoreGate metadata;

    RedisConsumer(RedisConnection redis, RedisJobQueue queue, RedisJobStore jobs, QueryExecutor executor,
                  ConcurrencyLimits limits, RedisDataSourceSlots slots, WorkerState state, WorkerOutage outage,
                  MetadataStoreGate metadata) {
        this.redis = redis;
        this.queue = queue;
        this.jobs = jobs;
        this.executor = executor;
        this.limits = limits;
        this.slots = slots;
        this.state = state;
        this.outage = outage;
        this.metadata = metadata;
    }

    /** The loop of one consumer thread of queue {@code q}, until the worker stops. */
    void consume(RedisJobQueue.Queue q) {
        String stream = queue.stream(q);
        while (state.running()) {
            if (!metadata.isOpen()) { // its jobs would only fail: they wait in the stream until the store is back
                sleep(READ_BLOCK_MILLIS);
                continue;
            }
            try {
                TakenEntry taken = state.nextClaimed(q);
                if (taken == null) {
                    taken = read(q, stream);
                }
                outage.recovered();
                if (taken != null && !process(taken)) {
                    sleep(SLOT_RETRY_MILLIS); // so that jobs waiting for their data source do not keep workers spinning
                }
            } catch (RuntimeException e) {
                if (!state.running()) {
                    return;
                }
                outage.failed(e);
                sleep(1_000);
            }
        }
    }

    private TakenEntry read(RedisJobQueue.Queue q, String stream) {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.call(jedis -> jedis.xreadGroup(RedisJobQueue.GROUP,
                state.workerId(), XReadGroupParams.xReadGroupParams().count(1).block(READ_BLOCK_MILLIS),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return null;
        }
        TakenEntry taken = TakenEntry.of(q, stream, read.get(0).getValue().get(0));
        state.hold(taken);
        return taken;
    }

    /** False when the job was put back because its data source runs as many queries as its limit allows. */
    private boolean process(TakenEntry taken) {
        QueryJob job = taken.job();
        state.busy(taken.queue());
        boolean leased = false;
        try {
            var current = jobs.find(job.jobId());
            if (current.isEmpty()) {
                log.warn("Job {} expired before a worker took it; dropping it", job.jobId());
            } else if (!current.get().status().ended()) { // an ended one was cancelled while it waited
                int limit = limits.of(job.dataSourceId());
                leased = limit != ConcurrencyLimits.UNLIMITED;
                if (leased && !slots.tryAcquire(job.dataSourceId(), job.jobId(), limit)) {
                    leased = false;
                    putBack(taken);
                    return false;
                }
                jobs.assign(job, state.workerId());
                executor.execute(job, taken.queue().id, taken.delivery());
            }
            acknowledge(taken);
            return true;
        } catch (RuntimeException e) {
            if (state.handingBack()) {
                return true;
            }
            state.letGo(taken); // no longer renewed: a worker takes it over after the visibility timeout
            throw e;
        } finally {
            state.idle(taken.queue());
            if (leased && !state.handingBack()) {
                slots.release(job.jobId());
            }
        }
    }

    /** Back to the end of the queue, still queued: no thread waits for the data source's slot. */
    private void putBack(TakenEntry taken) {
        queue.putBack(taken);
        state.letGo(taken);
    }

    /** Done with the entry: no one runs it again. A failure here leaves it pending: the job has ended anyway. */
    void acknowledge(TakenEntry taken) {
        if (state.handingBack()) {
            return;
        }
        state.letGo(taken);
        redis.call(jedis -> jedis.eval(RedisJobQueue.ACKNOWLEDGE, List.of(taken.stream()), List.of(taken.entry().toString())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
