package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A query run as {@code GET /api/jobs/{id}} shows it (Redash's shape; {@code result} and
 * {@code query_result_id} both name the stored result once the job has finished).
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
}
