package io.sightline.server.execution;

/** Hands jobs to workers; in-process threads in embedded mode. */
interface JobQueue {

    void submit(QueryJob job);
}
