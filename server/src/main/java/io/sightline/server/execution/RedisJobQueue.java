package io.sightline.server.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;

/**
 * One Redis stream per queue ({@code queue:adhoc}, {@code queue:scheduled}) with one consumer group
 * ({@value #GROUP}) that all worker processes share: each entry goes to one worker, stays pending until that
 * worker acknowledges it, and is taken over by another worker when the first one dies (see {@link RedisWorkers}).
 */
@Component
@Conditional(RedisMode.On.class)
class RedisJobQueue implements JobQueue {

    static final String GROUP = "workers";

    enum Queue {
        ADHOC("adhoc"), SCHEDULED("scheduled");

        final String id;

        Queue(String id) {
            this.id = id;
        }
    }

    private final RedisConnection redis;

    RedisJobQueue(RedisConnection redis) {
        this.redis = redis;
        ensureGroups();
    }

    /** Creates the streams and their consumer group where missing (first start, or a Redis that lost its data). */
    void ensureGroups() {
        for (Queue queue : Queue.values()) {
            createGroup(stream(queue));
        }
    }

    /** Interactive runs: the {@code adhoc} queue. */
    @Override
    public void submit(QueryJob job) {
        submit(job, Queue.ADHOC);
    }

    /** Scheduled refreshes: the {@code scheduled} queue, with workers of its own. */
    @Override
    public void submitScheduled(QueryJob job) {
        submit(job, Queue.SCHEDULED);
    }

    void submit(QueryJob job, Queue queue) {
        redis.call(jedis -> jedis.xadd(stream(queue), XAddParams.xAddParams(), fields(job)));
    }

    /**
     * What waits in the queue: entries no worker has taken yet (acknowledged entries are deleted, so the stream
     * holds exactly the waiting and the taken-but-unfinished ones), and how long the oldest of them has waited.
     */
    Backlog backlog(Queue queue) {
        String stream = stream(queue);
        return redis.call(jedis -> {
            long length = jedis.xlen(stream);
            var group = jedis.xinfoGroups(stream).stream().filter(g -> GROUP.equals(g.getName())).findFirst();
            long taken = group.map(g -> g.getPending()).orElse(0L);
            StreamEntryID lastDelivered = group.map(g -> g.getLastDeliveredId()).orElse(new StreamEntryID(0, 0));
            var oldest = jedis.xrange(stream, "(" + lastDelivered, "+", 1);
            double age = oldest.isEmpty() ? 0
                    : Math.max(0, System.currentTimeMillis() - oldest.get(0).getID().getTime()) / 1000.0;
            return new Backlog(Math.max(0, length - taken), age);
        });
    }

    record Backlog(long waiting, double oldestAgeSeconds) {
    }

    String stream(Queue queue) {
        return redis.key("queue:" + queue.id);
    }

    /** From the first entry on, so that jobs submitted before any worker started are not skipped. */
    private void createGroup(String stream) {
        try {
            redis.call(jedis -> jedis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true));
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    static Map<String, String> fields(QueryJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("job_id", job.jobId());
        fields.put("data_source_id", Long.toString(job.dataSourceId()));
        fields.put("query_hash", job.queryHash());
        fields.put("sql", job.sql());
        if (job.queryId() != null) {
            fields.put("query_id", job.queryId().toString());
        }
        fields.put("user_id", Long.toString(job.userId()));
        return fields;
    }

    static QueryJob job(Map<String, String> fields) {
        String queryId = fields.get("query_id");
        return new QueryJob(fields.get("job_id"), Long.parseLong(fields.get("data_source_id")), fields.get("query_hash"),
                fields.get("sql"), queryId == null ? null : Long.valueOf(queryId), Long.parseLong(fields.get("user_id")));
    }
}
