package io.sightline.server.query;

import java.time.OffsetDateTime;

/** A row of the queries table. */
record QueryRow(long id, String name, String description, String queryText, String queryHash, long dataSourceId,
                long userId, Long lastModifiedById, String schedule, String options, boolean isArchived,
                boolean isDraft, String apiKey, long version, Long latestQueryDataId, OffsetDateTime createdAt,
                OffsetDateTime updatedAt, int scheduleFailures, String scheduleLastError) {

    static final String COLUMNS = "id, name, description, query_text, query_hash, data_source_id, user_id,"
            + " last_modified_by_id, schedule, options, is_archived, is_draft, api_key, version,"
            + " latest_query_data_id, created_at, updated_at, schedule_failures, schedule_last_error";

    SavedQuery toSavedQuery() {
        return new SavedQuery(id, name, dataSourceId, queryText, options, isArchived, version, apiKey, latestQueryDataId);
    }
}
