package io.sightline.server.execution.redis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.execution.RedisMode;
import java.util.function.ToDoubleFunction;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * {@code sightline_queue_depth{queue}} (jobs no worker has taken yet) and
 * {@code sightline_queue_oldest_job_age_seconds{queue}} of each Redis queue, in every process with the Redis queue
 * (NaN while Redis cannot be reached); {@link WorkerState} registers the worker threads of Redis workers.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisQueueMetrics {

    RedisQueueMetrics(MeterRegistry registry, RedisJobQueue queue) {
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            gauge(registry, queue, q, "sightline.queue.depth", "Jobs waiting for a worker", b -> b.waiting());
            gauge(registry, queue, q, "sightline.queue.oldest.job.age.seconds",
                    "How long the oldest waiting job has waited", b -> b.oldestAgeSeconds());
        }
    }

    private static void gauge(MeterRegistry registry, RedisJobQueue queue, RedisJobQueue.Queue q, String name,
                              String description, ToDoubleFunction<RedisJobQueue.Backlog> value) {
        Gauge.builder(name, queue, redis -> {
            try {
                return value.applyAsDouble(redis.backlog(q));
            } catch (RuntimeException e) {
                return Double.NaN; // Redis unreachable: the worker and API logs say so
            }
        }).description(description).tag("queue", q.id).register(registry);
    }
}
