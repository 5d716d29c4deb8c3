package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import java.util.List;

/**
 * Which error text a caller may see. A database's message can quote the SQL (parameter values included), name
 * tables and columns and carry driver detail: an oracle for someone probing with parameter values. Users with
 * full access to the data source (and admins) see it as it is; everyone else (view-only users, and later the
 * viewers of shared dashboards) sees that the query failed and an error id, under which the server log has the
 * full message. Texts Sightline writes itself for users are shown to everyone; anything not known to be one of
 * them counts as the database's.
 */
final class RunErrors {

    /** Starts of messages Sightline writes, with no SQL or database detail in them. */
    private static final List<String> OWN_MESSAGES = List.of("Query exceeded the time limit of ",
            "Internal error while running the query (incident ");

    private RunErrors() {
    }

    /** The id under which the server log has a job's error: the start of the job's id. */
    static String errorId(String jobId) {
        return jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
    }

    static String hidden(String jobId) {
        return "The query failed (error id " + errorId(jobId) + "); someone with full access to its data source can"
                + " see why";
    }

    /** The job as a caller without full access to its data source may see it. */
    static Job forViewOnly(Job job) {
        if (job.status() != JobStatus.FAILED || !job.hasError()
                || OWN_MESSAGES.stream().anyMatch(own -> job.error().startsWith(own))) {
            return job;
        }
        return new Job(job.id(), job.status(), hidden(job.id()), job.result(), job.queryResultId(), job.updatedAt(),
                job.createdAt(), job.startedAt(), job.dataSourceId(), job.queryHash());
    }
}
