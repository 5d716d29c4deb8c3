package io.sightline.server.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Query metrics for {@code /actuator/prometheus}: {@code sightline_jobs_total{outcome}} and
 * {@code sightline_query_duration_seconds{data_source,outcome}} in the process that ran the job, and with the
 * Redis queue {@code sightline_queue_depth{queue}} (jobs no worker has taken yet) and
 * {@code sightline_queue_oldest_job_age_seconds{queue}} in every process; NaN while Redis cannot be reached.
 */
@Component
class ExecutionMetrics {

    private final MeterRegistry registry;

    ExecutionMetrics(MeterRegistry registry, ObjectProvider<RedisJobQueue> redisQueue) {
        this.registry = registry;
        for (String outcome : new String[] {"finished", "failed", "cancelled"}) {
            Counter.builder("sightline.jobs").description("Query jobs that ended, by outcome")
                    .tag("outcome", outcome).register(registry);
        }
        Optional.ofNullable(redisQueue.getIfAvailable()).ifPresent(queue -> {
            for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
                gauge(queue, q, "sightline.queue.depth", "Jobs waiting for a worker",
                        b -> b.waiting());
                gauge(queue, q, "sightline.queue.oldest.job.age.seconds", "How long the oldest waiting job has waited",
                        b -> b.oldestAgeSeconds());
            }
        });
    }

    private void gauge(RedisJobQueue queue, RedisJobQueue.Queue q, String name, String description,
                       ToDoubleFunction<RedisJobQueue.Backlog> value) {
        Gauge.builder(name, queue, redis -> {
            try {
                return value.applyAsDouble(redis.backlog(q));
            } catch (RuntimeException e) {
                return Double.NaN; // Redis unreachable: the worker and API logs say so
            }
        }).description(description).tag("queue", q.id).register(registry);
    }

    @EventListener
    void ended(QueryRunCompleted run) {
        String outcome = run.outcome().name().toLowerCase(Locale.ROOT);
        registry.counter("sightline.jobs", "outcome", outcome).increment();
        Timer.builder("sightline.query.duration").description("How long queries ran, by data source and outcome")
                .tag("data_source", Long.toString(run.dataSourceId())).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(run.runtime());
    }
}
