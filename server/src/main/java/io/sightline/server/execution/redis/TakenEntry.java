package io.sightline.server.execution.redis;

import io.sightline.server.execution.QueryExecutor;
import io.sightline.server.execution.QueryJob;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A stream entry this worker took (read or took over): its job, when the job was first queued, how many
 * workers died running it before, and whether this worker took it over from one.
 */
record TakenEntry(RedisJobQueue.Queue queue, String stream, StreamEntryID entry, QueryJob job, long queuedAt,
                  long lostDeliveries, boolean takenOver) {

    /** A new entry, read from the stream. */
    static TakenEntry of(RedisJobQueue.Queue queue, String stream, StreamEntry entry) {
        return new TakenEntry(queue, stream, entry.getID(), RedisJobQueue.job(entry.getFields()),
                RedisJobQueue.queuedAt(entry), RedisJobQueue.lostDeliveries(entry), false);
    }

    /** An entry taken over from a dead worker: {@code deliveries} counts this one too. */
    static TakenEntry takenOver(RedisJobQueue.Queue queue, String stream, StreamEntry entry, long deliveries) {
        return new TakenEntry(queue, stream, entry.getID(), RedisJobQueue.job(entry.getFields()),
                RedisJobQueue.queuedAt(entry), deliveries - 1, true);
    }

    /**
     * Whether a worker may have run the job before (and stored its result): when taken over, or put back after a
     * takeover. A job read from the stream the first time was never run: the worker that put it there never ran it.
     */
    QueryExecutor.Delivery delivery() {
        return takenOver || lostDeliveries > 0 ? QueryExecutor.Delivery.AGAIN : QueryExecutor.Delivery.FIRST;
    }
}
