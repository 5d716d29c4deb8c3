package io.sightline.server.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Query metrics for {@code /actuator/prometheus} (the full list is in docs/operations.md):
 * {@code sightline_jobs_total{outcome}} and {@code sightline_query_duration_seconds{data_source,queue,outcome}}
 * in the process that ran the job; the queue gauges are registered by each queue's implementation
 * ({@code redis/RedisQueueMetrics}, {@code embedded/InProcessQueueMetrics}).
 */
@Component
class ExecutionMetrics {

    private final MeterRegistry registry;

    ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : new String[] {"finished", "failed", "cancelled"}) {
            Counter.builder("sightline.jobs").description("Query jobs that ended, by outcome")
                    .tag("outcome", outcome).register(registry);
        }
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
