package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.execution.Jobs;
import io.sightline.server.support.OwnRedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * {@link RedisJobStore#update} is an optimistic compare-and-set: processes changing one job at once lose none of
 * their changes, an ended job stays ended, and the end is signalled once. Stores on connection pools of their own
 * stand in for separate processes, on the machine's Redis under a key prefix of this test's own.
 */
class RedisJobStoreUpdateTest extends SeparateProcessStores {

    RedisJobStoreUpdateTest() {
        super("sightline-cas-test-");
    }

    @Test
    void processesChangingOneJobAtOnceLoseNoChange() throws Exception {
        int processes = 4;
        int changesEach = 40;
        Job job = queuedJob(store());
        AtomicInteger applied = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int process = 0; process < processes; process++) {
                RedisJobStore store = store();
                done.add(pool.submit(() -> {
                    start.await();
                    for (int change = 0; change < changesEach; change++) {
                        store.update(job.id(), current -> {
                            applied.incrementAndGet();
                            LockSupport.parkNanos(1_000_000); // widens the window between reading and writing
                            return counted(current, count(current) + 1);
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> process : done) {
                process.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count(store().find(job.id()).orElseThrow())).isEqualTo(processes * changesEach);
        assertThat(applied.get()).as("changes applied again after a race: the processes did race")
                .isGreaterThan(processes * changesEach);
    }

    @Test
    void changeRacingWithTheJobsEndDoesNotBringItBack() {
        RedisJobStore worker = store();
        RedisJobStore other = store();
        Job job = queuedJob(worker);

        Job answered = worker.update(job.id(), current -> {
            if (current.status() == JobStatus.QUEUED) {
                // another process fails the job after this one read it and before it writes
                other.update(job.id(), queued -> Jobs.failed(queued, "ended meanwhile"));
            }
            return Jobs.started(current);
        });

        assertThat(answered.status()).isEqualTo(JobStatus.FAILED);
        Job stored = other.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.error()).isEqualTo("ended meanwhile");
        assertThat(worker.update(job.id(), Jobs::started).status()).as("a later start").isEqualTo(JobStatus.FAILED);
    }

    @Test
    void endingAJobSignalsItOnceAndFreesItsOwnLock() throws Exception {
        RedisJobStore store = store();
        Job job = queuedJob(store);
        String lock = store.lockKey(job.dataSourceId(), job.queryHash());
        try (Signals heard = new Signals()) {
            store.update(job.id(), Jobs::started);
            store.update(job.id(), started -> Jobs.failed(started, "ended"));
            store.update(job.id(), Jobs::started);

            assertThat(heard.untilNow()).containsExactly(job.id());
        }
        try (Jedis jedis = OwnRedisKeys.connect()) {
            assertThat(jedis.exists(lock)).as("the ended job's in-flight lock").isFalse();
        }
    }

    @Test
    void endingAJobKeepsALockTakenByAnotherJob() throws Exception {
        RedisJobStore store = store();
        Job job = queuedJob(store);
        String lock = store.lockKey(job.dataSourceId(), job.queryHash());
        try (Jedis jedis = OwnRedisKeys.connect(); Signals heard = new Signals()) {
            jedis.set(lock, "another-job");

            store.update(job.id(), queued -> Jobs.failed(queued, "ended"));

            assertThat(jedis.get(lock)).isEqualTo("another-job");
            assertThat(heard.untilNow()).containsExactly(job.id());
        }
    }

    private RedisJobStore store() {
        return jobStore(connection());
    }

    private static Job queuedJob(RedisJobStore store) {
        String hash = "cas-" + UUID.randomUUID();
        return store.createOrJoin(999_997, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_997, hash))
                .job();
    }

    /** The test's counter lives in the job's error text, which nothing else touches while the job is queued. */
    private static int count(Job job) {
        return job.error().isEmpty() ? 0 : Integer.parseInt(job.error());
    }

    private static Job counted(Job job, int count) {
        return new Job(job.id(), job.status(), Integer.toString(count), job.result(), job.queryResultId(),
                job.updatedAt(), job.createdAt(), job.startedAt(), job.dataSourceId(), job.queryHash());
    }

    /** Every message on the end-signal channel, heard on a connection of its own. */
    private final class Signals implements AutoCloseable {

        private static final String MARK = "end-of-test-";

        private final List<String> heard = new CopyOnWriteArrayList<>();
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final JedisPubSub subscription = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                heard.add(message);
            }
        };
        private final Thread listener;

        Signals() throws InterruptedException {
            listener = new Thread(() -> {
                try (Jedis jedis = OwnRedisKeys.connect()) {
                    jedis.subscribe(subscription, prefix + "jobs:ended");
                }
            }, "test-end-signals");
            listener.setDaemon(true);
            listener.start();
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).as("subscribed").isTrue();
        }

        /**
         * The signals published so far: a mark published now arrives after all of them (Redis delivers one
         * channel's messages in order), so none still on its way is missed.
         */
        List<String> untilNow() {
            String mark = MARK + UUID.randomUUID();
            try (Jedis jedis = OwnRedisKeys.connect()) {
                jedis.publish(prefix + "jobs:ended", mark);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(mark));
            return heard.stream().takeWhile(message -> !message.equals(mark)).toList();
        }

        @Override
        public void close() throws InterruptedException {
            subscription.unsubscribe();
            listener.join(5_000);
        }
    }
}
