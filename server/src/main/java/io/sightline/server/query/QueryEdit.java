package io.sightline.server.query;

import java.util.List;
import java.util.Set;

/**
 * A validated create or update body. An update changes only the fields that were {@link #sent}; a field sent
 * as JSON null is sent (e.g. {@code "schedule": null} unschedules).
 *
 * @param scheduleJson JSON object text, or null for "not scheduled"
 * @param optionsJson JSON object text
 * @param version the version the client last saw; null when it did not say (then the update overwrites)
 * @param archived null when not sent (a create ignores it: a new query is never archived)
 * @param latestQueryDataId the result to show as the query's latest (Redash's editor saves the one it ran); null
 *        when not sent, or sent as null (no latest result)
 */
record QueryEdit(Set<String> sent, Long dataSourceId, String name, String description, String queryText,
                 String scheduleJson, String optionsJson, List<String> tags, Boolean draft, Long version,
                 Boolean archived, Long latestQueryDataId) {

    static final String DATA_SOURCE_ID = "data_source_id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String QUERY = "query";
    static final String SCHEDULE = "schedule";
    static final String OPTIONS = "options";
    static final String TAGS = "tags";
    static final String IS_DRAFT = "is_draft";
    static final String VERSION = "version";
    /** {@code false} restores an archived query (as in Redash); {@code true} archives, as DELETE does. */
    static final String IS_ARCHIVED = "is_archived";
    static final String LATEST_QUERY_DATA_ID = "latest_query_data_id";

    boolean has(String field) {
        return sent.contains(field);
    }

    boolean schedules() {
        return has(SCHEDULE) && scheduleJson != null;
    }
}
