package io.sightline.server.execution.embedded;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.execution.RedisMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The {@code in-process} queue's gauges in embedded mode: {@code sightline_queue_depth},
 * {@code sightline_queue_oldest_job_age_seconds} and its worker threads ({@code sightline_worker_threads{queue,state}}).
 */
@Component
@Conditional(RedisMode.Off.class)
class InProcessQueueMetrics {

    private static final String WORKER_THREADS_HELP =
            "Worker threads of this process running a job (busy) or waiting for one (idle)";

    InProcessQueueMetrics(MeterRegistry registry, InProcessJobQueue queue) {
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
}
