package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A query run as {@code GET /api/jobs/{id}} shows it, in the shape of Redash's {@code serialize_job}: {@code status}
 * is Redash's code (a cancelled job is {@code 4}, failed, with {@code error} "Query cancelled by user."), {@code error}
 * is {@code ""} when there is none, {@code result} and {@code query_result_id} both name the stored result once the job
 * has finished. Sightline adds {@code cancelled} (whether a failed job was cancelled), {@code created_at},
 * {@code started_at}, {@code data_source_id} and {@code query_hash}.
 */
public record Job(
        String id,
        JobStatus status,
        String error,
        Long result,
        @JsonProperty("query_result_id") Long queryResultId,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("started_at") OffsetDateTime startedAt,
        @JsonProperty("data_source_id") long dataSourceId,
        @JsonProperty("query_hash") String queryHash) {

    /** What a cancelled job's {@code error} says, as in Redash. */
    public static final String CANCELLED_ERROR = "Query cancelled by user.";

    public Job {
        error = error == null ? "" : error;
    }

    /** Read from JSON: status 4 with {@code cancelled: true} is {@link JobStatus#CANCELLED}. */
    @JsonCreator
    static Job fromJson(@JsonProperty("id") String id, @JsonProperty("status") JobStatus status,
                        @JsonProperty("error") String error, @JsonProperty("result") Long result,
                        @JsonProperty("query_result_id") Long queryResultId,
                        @JsonProperty("updated_at") OffsetDateTime updatedAt,
                        @JsonProperty("created_at") OffsetDateTime createdAt,
                        @JsonProperty("started_at") OffsetDateTime startedAt,
                        @JsonProperty("data_source_id") Long dataSourceId,
                        @JsonProperty("query_hash") String queryHash,
                        @JsonProperty("cancelled") Boolean cancelled) {
        JobStatus read = Boolean.TRUE.equals(cancelled) ? JobStatus.CANCELLED : status;
        return new Job(id, read, error, result, queryResultId, updatedAt, createdAt, startedAt,
                dataSourceId == null ? 0 : dataSourceId, queryHash);
    }

    /** Sightline's addition: whether this job ended because someone cancelled it (its status then reads 4). */
    @JsonProperty("cancelled")
    public boolean cancelled() {
        return status == JobStatus.CANCELLED;
    }

    /** Whether the job carries an error message. */
    public boolean hasError() {
        return !error.isEmpty();
    }
}
