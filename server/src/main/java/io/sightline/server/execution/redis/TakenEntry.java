package io.sightline.server.execution.redis;

import io.sightline.server.execution.QueryJob;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A stream entry this worker took (read or took over): its job, when the job was first queued, and how many
 * workers died running it before.
 */
record TakenEntry(RedisJobQueue.Queue queue, String stream, StreamEntryID entry, QueryJob job, long queuedAt,
                  long lostDeliveries) {

    /** A new entry, read from the stream. */
    static TakenEntry of(RedisJobQueue.Queue queue, String stream, StreamEntry entry) {
        return new TakenEntry(queue, stream, entry.getID(), RedisJobQueue.job(entry.getFields()),
                RedisJobQueue.queuedAt(entry), RedisJobQueue.lostDeliveries(entry));
    }

    /** An entry taken over from a dead worker: {@code deliveries} counts this one too. */
    static TakenEntry takenOver(RedisJobQueue.Queue queue, String stream, StreamEntry entry, long deliveries) {
        return new TakenEntry(queue, stream, entry.getID(), RedisJobQueue.job(entry.getFields()),
                RedisJobQueue.queuedAt(entry), deliveries - 1);
    }
}
