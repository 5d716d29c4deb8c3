package io.sightline.desktop.api;

import java.util.Map;

/** An entry of {@code GET /api/data_sources/types}: a JSON schema describes the type's options. */
public record DataSourceType(String type, String name, Map<String, Object> configurationSchema) {

    @Override
    public String toString() {
        return name;
    }
}
