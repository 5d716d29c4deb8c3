package io.sightline.server.execution;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** A stream entry this worker took (read or took over): its job, and when the job was first queued. */
record TakenEntry(RedisJobQueue.Queue queue, String stream, StreamEntryID entry, QueryJob job, long queuedAt) {

    static TakenEntry of(RedisJobQueue.Queue queue, String stream, StreamEntry entry) {
        return new TakenEntry(queue, stream, entry.getID(), RedisJobQueue.job(entry.getFields()),
                RedisJobQueue.queuedAt(entry));
    }
}
