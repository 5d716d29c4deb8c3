package io.sightline.common.api.datasource;

import java.util.Map;

/**
 * Body of {@code POST /api/data_sources} (all fields required) and {@code POST /api/data_sources/{id}}
 * (absent fields keep their stored values; {@code options} replaces all options, except that a secret sent
 * as {@link DataSourceDetail#MASK} keeps the stored secret).
 */
public record DataSourceRequest(String name, String type, Map<String, Object> options) {
}
