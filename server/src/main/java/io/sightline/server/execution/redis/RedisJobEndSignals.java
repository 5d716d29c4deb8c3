package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.SightlineProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Wakes whoever waits in this process for a job to end, the moment any process ends it: the process that ends a
 * job publishes its id on {@code <prefix>jobs:ended}, and one subscriber thread per process (on a connection of
 * its own, outside the pool) releases the waiters of that id. Before this, an API replica polled the job every
 * 50 ms, which added ~45 ms to every quick run through Redis (docs/performance.md, issue 3). A message lost while
 * Redis is unreachable costs only latency: waiters still look at the job every {@link #FALLBACK_POLL}.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisJobEndSignals implements DisposableBean {

    /** How long a waiter trusts the signal before it looks at the job itself. */
    static final Duration FALLBACK_POLL = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(RedisJobEndSignals.class);

    private final URI uri;
    private final String channel;
    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
    private final Thread subscriber;
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    RedisJobEndSignals(SightlineProperties sightline, RedisQueueProperties properties) {
        this.uri = URI.create(sightline.redisUrl().strip());
        this.channel = properties.keyPrefix() + "jobs:ended";
        this.subscriber = new Thread(this::subscribe, "redis-job-end-signals");
        subscriber.setDaemon(true);
        subscriber.start();
    }

    String channel() {
        return channel;
    }

    /**
     * A latch released when job {@code id} ends in any process. Take it BEFORE looking at the job, so an end
     * published between the look and the wait is not missed; {@link #done} it when no longer waiting.
     */
    CountDownLatch expect(String id) {
        return waiting.computeIfAbsent(id, ignored -> new CountDownLatch(1));
    }

    void done(String id, CountDownLatch latch) {
        waiting.remove(id, latch);
    }

    /** Waits for the signal at most {@code timeout}; true when it came. */
    static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void subscribe() {
        boolean failedBefore = false;
        while (running) {
            try (Jedis jedis = new Jedis(uri, 5_000, 0)) {
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onMessage(String ignored, String jobId) {
                        CountDownLatch latch = waiting.remove(jobId);
                        if (latch != null) {
                            latch.countDown();
                        }
                    }
                };
                subscription = pubSub;
                failedBefore = false;
                jedis.subscribe(pubSub, channel); // returns when unsubscribed
            } catch (RuntimeException e) {
                if (running && !failedBefore) {
                    // RedisConnection reports the outage itself; this only says what it means here
                    log.warn("Job-end signals from Redis stopped ({}); waiting runs fall back to polling every {} ms until"
                            + " it is back", e.getMessage(), FALLBACK_POLL.toMillis());
                    failedBefore = true;
                }
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        subscriber.interrupt();
        subscriber.join(2_000);
    }
}
