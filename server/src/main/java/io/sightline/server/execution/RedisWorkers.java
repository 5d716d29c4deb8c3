package io.sightline.server.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.system.ApiException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The worker side of the Redis queue, in processes of role {@code worker} or {@code all}: threads per queue
 * read the stream through the shared consumer group and run each job with {@link QueryExecutor}.
 * <ul>
 * <li>Every {@code heartbeat} the worker renews its presence key ({@code worker:<id>}), the idle time of the
 *     entries it holds (XCLAIM JUSTID to itself), its jobs' in-flight locks, and looks for cancel requests.</li>
 * <li>Entries idle for longer than {@code visibilityTimeout} belong to a dead worker: any live worker with a
 *     free thread takes them over (XAUTOCLAIM); an entry delivered more than {@code maxDeliveries} times is
 *     failed with a message instead, so a job that kills its workers cannot kill them all.</li>
 * <li>On shutdown the worker stops reading, lets running jobs finish within {@code shutdownGrace}, and leaves
 *     anything unfinished pending for another worker.</li>
 * </ul>
 */
@Component
@Conditional(RedisMode.Workers.class)
class RedisWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisWorkers.class);
    private static final int READ_BLOCK_MILLIS = 1_000;
    /** A thread that put a job back (its data source at its limit) waits this long before it reads again. */
    private static final int SLOT_RETRY_MILLIS = 250;

    private final RedisConnection redis;
    private final RedisJobQueue queue;
    private final RedisJobStore jobs;
    private final QueryExecutor executor;
    private final RunningStatements statements;
    private final ConcurrencyLimits limits;
    private final RedisDataSourceSlots slots;
    private final RedisQueueProperties properties;
    private final Map<RedisJobQueue.Queue, Integer> threads = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<RedisJobQueue.Queue, Queue<Taken>> claimed = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<RedisJobQueue.Queue, AtomicInteger> busy = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<StreamEntryID, Taken> held = new ConcurrentHashMap<>();
    private final AtomicBoolean outage = new AtomicBoolean();
    private final String workerId = newWorkerId();
    private volatile boolean running;
    private volatile boolean handingBack;
    private ExecutorService consumers;
    private ScheduledExecutorService housekeeping;

    RedisWorkers(RedisConnection redis, RedisJobQueue queue, RedisJobStore jobs, QueryExecutor executor,
                 RunningStatements statements, ConcurrencyLimits limits, RedisDataSourceSlots slots,
                 RedisQueueProperties properties, ExecutionProperties execution, MeterRegistry meters) {
        this.redis = redis;
        this.queue = queue;
        this.jobs = jobs;
        this.executor = executor;
        this.statements = statements;
        this.limits = limits;
        this.slots = slots;
        this.properties = properties;
        threads.put(RedisJobQueue.Queue.ADHOC, execution.workerThreads());
        threads.put(RedisJobQueue.Queue.SCHEDULED, properties.scheduledWorkerThreads());
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            claimed.put(q, new ConcurrentLinkedQueue<>());
            busy.put(q, new AtomicInteger());
            Gauge.builder("sightline.worker.threads", busy.get(q), AtomicInteger::get)
                    .description("Worker threads of this process running a job (busy) or waiting for one (idle)")
                    .tags("queue", q.id, "state", "busy").register(meters);
            int count = threads.get(q);
            Gauge.builder("sightline.worker.threads", busy.get(q), b -> count - b.get())
                    .description("Worker threads of this process running a job (busy) or waiting for one (idle)")
                    .tags("queue", q.id, "state", "idle").register(meters);
        }
    }

    String workerId() {
        return workerId;
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger number = new AtomicInteger();
        int total = threads.values().stream().mapToInt(Integer::intValue).sum();
        consumers = Executors.newFixedThreadPool(total, runnable -> {
            Thread thread = new Thread(runnable, "redis-worker-" + number.incrementAndGet());
            thread.setDaemon(true); // a job still running after the grace period must not keep the JVM alive
            return thread;
        });
        threads.forEach((q, count) -> {
            for (int i = 0; i < count; i++) {
                consumers.execute(() -> consume(q));
            }
        });
        housekeeping = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "redis-worker-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long beat = properties.heartbeat().toMillis();
        housekeeping.scheduleWithFixedDelay(() -> guarded(this::heartbeat), 0, beat, TimeUnit.MILLISECONDS);
        long reap = Math.max(200, Math.min(properties.visibilityTimeout().toMillis() / 2, 5_000));
        housekeeping.scheduleWithFixedDelay(() -> guarded(this::takeOverAbandoned), reap, reap, TimeUnit.MILLISECONDS);
        log.info("Worker {} takes jobs from Redis: {} adhoc and {} scheduled threads", workerId,
                threads.get(RedisJobQueue.Queue.ADHOC), threads.get(RedisJobQueue.Queue.SCHEDULED));
    }

    @Override
    public void stop() {
        running = false;
        consumers.shutdown();
        try {
            if (!consumers.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                // hand back: never acknowledged and no longer renewed, so another worker takes them over after the
                // visibility timeout; what the interrupted statements report here must not end the jobs
                handingBack = true;
                held.values().forEach(taken -> {
                    jobs.abandon(taken.job().jobId());
                    slots.forget(taken.job().jobId()); // its statement may still run until this JVM exits
                });
                log.warn("Worker {} stops with {} jobs unfinished; another worker takes them over after {}",
                        workerId, held.size(), properties.visibilityTimeout());
                housekeeping.shutdownNow();
                consumers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        housekeeping.shutdownNow();
        guardedQuietly(() -> redis.call(jedis -> jedis.del(redis.key("worker:" + workerId)))); // else it expires
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops early (right after the default phase), before the web server's graceful shutdown; the connection
     * pools the running jobs use are beans, closed only after every lifecycle has stopped.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void consume(RedisJobQueue.Queue q) {
        String stream = queue.stream(q);
        while (running) {
            try {
                Taken taken = claimed.get(q).poll();
                if (taken == null) {
                    taken = read(q, stream);
                }
                recovered();
                if (taken != null && !process(taken)) {
                    sleep(SLOT_RETRY_MILLIS); // so that jobs waiting for their data source do not keep workers spinning
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                outage(e);
                sleep(1_000);
            }
        }
    }

    private Taken read(RedisJobQueue.Queue q, String stream) {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.call(jedis -> jedis.xreadGroup(RedisJobQueue.GROUP,
                workerId, XReadGroupParams.xReadGroupParams().count(1).block(READ_BLOCK_MILLIS),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return null;
        }
        StreamEntry entry = read.get(0).getValue().get(0);
        Taken taken = taken(q, stream, entry);
        held.put(taken.entry(), taken);
        return taken;
    }

    /** False when the job was put back because its data source runs as many queries as its limit allows. */
    private boolean process(Taken taken) {
        QueryJob job = taken.job();
        busy.get(taken.queue()).incrementAndGet();
        boolean leased = false;
        try {
            var state = jobs.find(job.jobId());
            if (state.isEmpty()) {
                log.warn("Job {} expired before a worker took it; dropping it", job.jobId());
            } else if (!state.get().status().ended()) { // an ended one was cancelled while it waited
                int limit = limits.of(job.dataSourceId());
                leased = limit != ConcurrencyLimits.UNLIMITED;
                if (leased && !slots.tryAcquire(job.dataSourceId(), job.jobId(), limit)) {
                    leased = false;
                    putBack(taken);
                    return false;
                }
                jobs.assign(job, workerId);
                executor.execute(job);
            }
            acknowledge(taken);
            return true;
        } catch (RuntimeException e) {
            if (handingBack) {
                return true;
            }
            held.remove(taken.entry()); // no longer renewed: a worker takes it over after the visibility timeout
            throw e;
        } finally {
            busy.get(taken.queue()).decrementAndGet();
            if (leased && !handingBack) {
                slots.release(job.jobId());
            }
        }
    }

    /** Back to the end of the queue, still queued: no thread waits for the data source's slot. */
    private void putBack(Taken taken) {
        queue.putBack(taken.job(), taken.stream(), taken.entry(), taken.queuedAt());
        held.remove(taken.entry());
    }

    /** Done with the entry: no one runs it again. A failure here leaves it pending: the job has ended anyway. */
    private void acknowledge(Taken taken) {
        if (handingBack) {
            return;
        }
        held.remove(taken.entry());
        redis.call(jedis -> {
            jedis.xack(taken.stream(), RedisJobQueue.GROUP, taken.entry());
            return jedis.xdel(taken.stream(), taken.entry());
        });
    }

    private void heartbeat() {
        long beat = properties.heartbeat().toMillis();
        redis.call(jedis -> jedis.psetex(redis.key("worker:" + workerId), 3 * beat,
                "{\"held\":" + held.size() + "}"));
        slots.renewHeld();
        for (Taken taken : List.copyOf(held.values())) {
            redis.call(jedis -> jedis.xclaimJustId(taken.stream(), RedisJobQueue.GROUP, workerId, 0,
                    XClaimParams.xClaimParams(), taken.entry()));
            if (jobs.keepAlive(taken.job())) {
                statements.stop(taken.job().jobId(), RunningStatements.StopReason.CANCELLED);
            }
        }
        recovered();
    }

    /** Takes over entries of dead workers, as many as this worker has free threads for. */
    private void takeOverAbandoned() {
        if (!running) {
            return;
        }
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            int free = threads.get(q) - busy.get(q).get() - claimed.get(q).size();
            if (free <= 0) {
                continue;
            }
            String stream = queue.stream(q);
            Map.Entry<StreamEntryID, List<StreamEntry>> result = redis.call(jedis -> jedis.xautoclaim(stream,
                    RedisJobQueue.GROUP, workerId, properties.visibilityTimeout().toMillis(), new StreamEntryID(0, 0),
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
        Taken taken = taken(q, stream, entry);
        List<StreamPendingEntry> pending = redis.call(jedis -> jedis.xpending(stream, RedisJobQueue.GROUP,
                XPendingParams.xPendingParams(entry.getID(), entry.getID(), 1)));
        long deliveries = pending.isEmpty() ? 1 : pending.get(0).getDeliveredTimes();
        String previous = jobs.fields(taken.job().jobId()).getOrDefault("worker", "unknown");
        held.put(taken.entry(), taken);
        if (deliveries > properties.maxDeliveries()) {
            String error = "The query was given to " + properties.maxDeliveries() + " workers and each stopped"
                    + " responding while running it (last: " + previous + "); it was not retried again";
            log.warn("Job {}: {}", taken.job().jobId(), error);
            if (jobs.find(taken.job().jobId()).isPresent()) {
                jobs.update(taken.job().jobId(), job -> Jobs.failed(job, error));
            }
            acknowledge(taken);
            return;
        }
        log.warn("Worker {} takes over job {} last held by worker {}, which showed no sign of life for {} (delivery {} of {})",
                workerId, taken.job().jobId(), previous, properties.visibilityTimeout(), deliveries, properties.maxDeliveries());
        claimed.get(q).add(taken);
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            outage(e);
        }
    }

    private void outage(RuntimeException e) {
        if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
            // Redis came back without its data: recreate the streams and group, then carry on
            guardedQuietly(queue::ensureGroups);
            return;
        }
        if (e instanceof ApiException) {
            return; // Redis unreachable: RedisConnection logs that once per outage
        }
        if (outage.compareAndSet(false, true)) {
            log.error("Worker {} fails to use the Redis queue; retrying every second: {}", workerId, e.toString());
        }
    }

    private static void guardedQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // still down: the next round tries again
        }
    }

    private void recovered() {
        if (outage.compareAndSet(true, false)) {
            log.info("Worker {} uses the Redis queue again", workerId);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Taken taken(RedisJobQueue.Queue q, String stream, StreamEntry entry) {
        return new Taken(q, stream, entry.getID(), RedisJobQueue.job(entry.getFields()), RedisJobQueue.queuedAt(entry));
    }

    private record Taken(RedisJobQueue.Queue queue, String stream, StreamEntryID entry, QueryJob job, long queuedAt) {
    }
}
