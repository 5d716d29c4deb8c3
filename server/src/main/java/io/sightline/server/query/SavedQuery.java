package io.sightline.server.query;

/**
 * A saved query as other features (execution, dashboards, alerts, demo data) see it.
 *
 * @param optionsJson the options object as JSON text; {@code parameters} holds the parameter declarations
 * @param archived archived queries are still found by id: dashboards and links may point at them
 * @param apiKey the query's own API key (Redash: lets a script fetch this query's results)
 * @param latestQueryDataId the newest result of any run of this query, or null before its first run
 */
public record SavedQuery(long id, String name, long dataSourceId, String queryText, String optionsJson,
                         boolean archived, long version, String apiKey, Long latestQueryDataId) {
}
