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
 * Query metrics for {@code /actuator/prometheus} (the full list is in docs/operations.md):
 * {@code sightline_jobs_total{outcome}} and {@code sightline_query_duration_seconds{data_source,queue,outcome}}
 * in the process that ran the job; {@code sightline_queue_depth{queue}} (jobs no worker has taken yet) and
 * {@code sightline_queue_oldest_job_age_seconds{queue}} in every process with the Redis queue (NaN while Redis
 * cannot be reached), and for the {@code in-process} queue in embedded mode, with its worker threads
 * ({@code sightline_worker_threads{queue,state}}; {@link RedisWorkers} registers those of Redis workers).
 */
@Component
class ExecutionMetrics {

    private static final String WORKER_THREADS_HELP =
            "Worker threads of this process running a job (busy) or waiting for one (idle)";

    private final MeterRegistry registry;

    ExecutionMetrics(MeterRegistry registry, ObjectProvider<RedisJobQueue> redisQueue,
                     ObjectProvider<InProcessJobQueue> inProcessQueue) {
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
        Optional.ofNullable(inProcessQueue.getIfAvailable()).ifPresent(this::inProcessGauges);
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

    private void inProcessGauges(InProcessJobQueue queue) {
        String name = InProcessJobQueue.NAME;
        Gauge.builder("sightline.queue.depth", queue, InProcessJobQueue::waiting)
                .description("Jobs waiting for a worker").tag("queue", name).register(registry);
        Gauge.builder("sightline.queue.oldest.job.age.seconds", queue, InProcessJobQueue::oldestAgeSeconds)
                .description("How long the oldest waiting job has waited").tag("queue", name).register(registry);
        Gauge.builder("sightline.worker.threads", queue, InProcessJobQueue::busy)
                .description(WORKER_THREADS_HELP).tags("queue", name, "state", "busy").register(registry);
        Gauge.builder("sightline.worker.threads", queue, q -> q.threads() - q.busy())
                .description(WORKER_THREADS_HELP).tags("queue", name, "state", "idle").register(registry);
    }

    @EventListener
    void ended(QueryRunCompleted run) {
        String outcome = run.outcome().name().toLowerCase(Locale.ROOT);
        registry.counter("sightline.jobs", "outcome", outcome).increment();
        Timer.builder("sightline.query.duration")
                .description("How long queries ran, by data source, queue and outcome")
                .tag("data_source", Long.toString(run.dataSourceId())).tag("queue", run.queue()).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(run.runtime());
    }
}
