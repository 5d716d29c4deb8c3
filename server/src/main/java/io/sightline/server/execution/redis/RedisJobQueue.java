package io.sightline.server.execution.redis;

import io.sightline.server.execution.JobLimits;
import io.sightline.server.execution.JobQueue;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One Redis stream per queue ({@code queue:adhoc}, {@code queue:scheduled}) with one consumer group
 * ({@value #GROUP}) that all worker processes share: each entry goes to one worker, stays pending until that
 * worker acknowledges it, and is taken over by another worker when the first one dies (see {@link RedisWorkers}).
 */
@Component
@Conditional(RedisMode.On.class)
class RedisJobQueue implements JobQueue {

    static final String GROUP = "workers";
    private static final String QUEUED_AT = "queued_at";
    private static final String LOST_DELIVERIES = "lost_deliveries";

    /**
     * Adds the job's entry and, when it replaces one (a job put back), acknowledges and deletes that one in the
     * same step, so the job is in the stream exactly once; while it waits there its in-flight lock lives as
     * long as the job does. KEYS: stream, in-flight lock; ARGV: job id, lock lifetime, replaced entry or "",
     * the stream's length limit, then the fields.
     *
     * <p>Every entry in the stream is a live job (waiting, or taken and not yet acknowledged: acknowledged entries
     * are deleted), and Redis trims by length without looking at the consumer group's pending list. So a new job
     * is refused (false) while the stream holds {@code limit} entries, and {@code MAXLEN ~ limit} is only passed
     * to XADD when the stream is below the limit: it can never trim an entry that is still waiting or pending.
     * A job put back replaces its own entry and is never refused (docs/decisions/0016).
     */
    private static final String ENQUEUE = """
            if ARGV[3] ~= '' then
                redis.call('XACK', KEYS[1], '%s', ARGV[3])
                redis.call('XDEL', KEYS[1], ARGV[3])
            end
            local limit = tonumber(ARGV[4])
            local length = redis.call('XLEN', KEYS[1])
            if length >= limit and ARGV[3] == '' then
                return false
            end
            local id
            if length < limit then
                id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', limit, '*', unpack(ARGV, 5))
            else
                id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 5))
            end
            if redis.call('GET', KEYS[2]) == ARGV[1] then
                redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            return id""".formatted(GROUP);

    /** Acknowledges and deletes a taken entry in one step: no acknowledged entry is left to count as a live job. */
    static final String ACKNOWLEDGE = """
            redis.call('XACK', KEYS[1], '%s', ARGV[1])
            return redis.call('XDEL', KEYS[1], ARGV[1])""".formatted(GROUP);

    enum Queue {
        ADHOC("adhoc"), SCHEDULED("scheduled");

        final String id;

        Queue(String id) {
            this.id = id;
        }
    }

    private final RedisConnection redis;
    private final RedisJobStore jobs;
    private final int maxLength;

    RedisJobQueue(RedisConnection redis, RedisJobStore jobs, LimitsProperties limits) {
        this.redis = redis;
        this.jobs = jobs;
        this.maxLength = limits.maxQueueLength();
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

    /** @throws ApiException 429 when the queue's stream holds {@code sightline.limits.max-queue-length} jobs */
    void submit(QueryJob job, Queue queue) {
        if (!enqueue(job, stream(queue), "", System.currentTimeMillis(), 0)) {
            throw JobLimits.queueFull("The " + queue.id + " queue", maxLength);
        }
    }

    /**
     * Puts a taken job back at the end of its stream, still {@code queued}, as a new entry that replaces the
     * taken one; it keeps its original queued time and the count of workers that died running it, so that
     * {@code max-deliveries} still applies.
     */
    void putBack(TakenEntry taken) {
        enqueue(taken.job(), taken.stream(), taken.entry().toString(), taken.queuedAt(), taken.lostDeliveries());
    }

    /** False when the stream is full (never for a job put back). */
    private boolean enqueue(QueryJob job, String stream, String replaced, long queuedAt, long lostDeliveries) {
        List<String> args = new ArrayList<>(List.of(job.jobId(), Long.toString(jobs.queuedLockMillis()), replaced,
                Integer.toString(maxLength)));
        Map<String, String> fields = fields(job);
        fields.put(QUEUED_AT, Long.toString(queuedAt));
        if (lostDeliveries > 0) {
            fields.put(LOST_DELIVERIES, Long.toString(lostDeliveries));
        }
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Object id = redis.call(jedis -> jedis.eval(ENQUEUE, List.of(stream, jobs.lockKey(job.dataSourceId(), job.queryHash())), args));
        return id != null;
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
                    : Math.max(0, System.currentTimeMillis() - queuedAt(oldest.get(0))) / 1000.0;
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

    /** When the job was first queued: a job put back (its data source at its limit) keeps its age. */
    static long queuedAt(StreamEntry entry) {
        String queuedAt = entry.getFields().get(QUEUED_AT);
        return queuedAt == null ? entry.getID().getTime() : Long.parseLong(queuedAt);
    }

    /** Deliveries of the job to workers that died, before the entry was put back (see {@link #putBack}). */
    static long lostDeliveries(StreamEntry entry) {
        String lost = entry.getFields().get(LOST_DELIVERIES);
        return lost == null ? 0 : Long.parseLong(lost);
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
        if (job.usersOwn()) {
            fields.put("users_own", "true");
        }
        return fields;
    }

    static QueryJob job(Map<String, String> fields) {
        String queryId = fields.get("query_id");
        return new QueryJob(fields.get("job_id"), Long.parseLong(fields.get("data_source_id")), fields.get("query_hash"),
                fields.get("sql"), queryId == null ? null : Long.valueOf(queryId), Long.parseLong(fields.get("user_id")),
                "true".equals(fields.get("users_own")));
    }
}
