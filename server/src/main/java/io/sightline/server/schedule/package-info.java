/**
 * Saved-query schedules: the scheduler role that enqueues due refreshes exactly once across replicas, and the
 * bookkeeping of their outcomes (back-off, failures shown on the query). ARCHITECTURE.md lists schedules under
 * {@code alert/}; they are a feature of their own here because alerts will listen to refreshes as any other
 * run, and schedules need nothing from alerts.
 */
package io.sightline.server.schedule;
