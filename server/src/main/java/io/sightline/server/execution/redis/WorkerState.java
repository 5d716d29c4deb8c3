package io.sightline.server.execution.redis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.RedisMode;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;

/**
 * What this worker process holds, shared by its consumer threads, heartbeat and take-over: its id, its threads
 * per queue and how many are busy, the entries it holds (renewed every heartbeat), the entries it took over and
 * has not started yet, and whether it is running or handing its jobs back.
 */
@Component
@Conditional(RedisMode.Workers.class)
class WorkerState {

    private final String workerId = newWorkerId();
    private final Map<RedisJobQueue.Queue, Integer> threads = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<RedisJobQueue.Queue, Queue<TakenEntry>> claimed = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<RedisJobQueue.Queue, AtomicInteger> busy = new EnumMap<>(RedisJobQueue.Queue.class);
    private final Map<StreamEntryID, TakenEntry> held = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean handingBack;

    WorkerState(RedisQueueProperties properties, ExecutionProperties execution, MeterRegistry meters) {
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

    int threads(RedisJobQueue.Queue q) {
        return threads.get(q);
    }

    int totalThreads() {
        return threads.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Threads of the queue neither running a job nor promised to an entry taken over. */
    int free(RedisJobQueue.Queue q) {
        return threads.get(q) - busy.get(q).get() - claimed.get(q).size();
    }

    void busy(RedisJobQueue.Queue q) {
        busy.get(q).incrementAndGet();
    }

    void idle(RedisJobQueue.Queue q) {
        busy.get(q).decrementAndGet();
    }

    void hold(TakenEntry taken) {
        held.put(taken.entry(), taken);
    }

    /** No longer renewed: unless acknowledged, a worker takes it over after the visibility timeout. */
    void letGo(TakenEntry taken) {
        held.remove(taken.entry());
    }

    List<TakenEntry> held() {
        return List.copyOf(held.values());
    }

    /** An entry taken over from a dead worker, for the next free thread of its queue. */
    void claim(TakenEntry taken) {
        hold(taken);
        claimed.get(taken.queue()).add(taken);
    }

    TakenEntry nextClaimed(RedisJobQueue.Queue q) {
        return claimed.get(q).poll();
    }

    boolean running() {
        return running;
    }

    void running(boolean running) {
        this.running = running;
    }

    boolean handingBack() {
        return handingBack;
    }

    void handBack() {
        handingBack = true;
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
}
