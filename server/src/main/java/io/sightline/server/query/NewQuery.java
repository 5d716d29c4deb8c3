package io.sightline.server.query;

import java.util.List;

/**
 * A query to create from code (e.g. demo queries at first start).
 *
 * @param description may be null
 * @param optionsJson a JSON object, validated like an API body's {@code options}; null means {@code {}}
 * @param tags may be null
 */
public record NewQuery(long dataSourceId, String name, String description, String queryText, String optionsJson,
                       List<String> tags) {
}
