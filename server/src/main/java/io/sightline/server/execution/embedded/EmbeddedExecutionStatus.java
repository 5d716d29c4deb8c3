package io.sightline.server.execution.embedded;

import io.sightline.server.execution.ExecutionStatus;
import io.sightline.server.execution.RedisMode;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** One worker pool, in this process. */
@Component
@Conditional(RedisMode.Off.class)
class EmbeddedExecutionStatus implements ExecutionStatus {

    private final InProcessJobQueue queue;

    EmbeddedExecutionStatus(InProcessJobQueue queue) {
        this.queue = queue;
    }

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public List<Worker> workers() {
        return List.of(new Worker("in-process", null));
    }

    @Override
    public Map<String, Backlog> queues() {
        return Map.of(InProcessJobQueue.NAME, new Backlog(queue.waiting(), queue.oldestAgeSeconds()));
    }
}
