package io.sightline.server.execution;

import java.util.List;
import java.util.Map;

/** What an operator sees of query execution (for {@code /status.json}): the live workers and what waits. */
public interface ExecutionStatus {

    /** {@code redis} when jobs go through the Redis queue, else {@code embedded}. */
    String mode();

    /** The worker processes alive now (with Redis: whose presence key has not expired). */
    List<Worker> workers();

    /** Per queue, in a stable order. */
    Map<String, Backlog> queues();

    /** @param held jobs the worker holds, when it says */
    record Worker(String id, Integer held) {
    }

    /** @param oldestJobAgeSeconds how long the oldest waiting job has waited, when known */
    record Backlog(long waiting, Double oldestJobAgeSeconds) {
    }
}
