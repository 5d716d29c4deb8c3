package io.sightline.server.execution;

/** Hands jobs to workers; in-process threads in embedded mode. */
public interface JobQueue {

    void submit(QueryJob job);

    /**
     * A refresh no one waits for; where queues are separate it goes to {@code scheduled}, so that it cannot
     * starve analysts.
     */
    default void submitScheduled(QueryJob job) {
        submit(job);
    }
}
