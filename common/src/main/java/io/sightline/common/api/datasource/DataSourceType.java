package io.sightline.common.api.datasource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An entry of {@code GET /api/data_sources/types}: a connector and the options it takes. */
public record DataSourceType(
        String type,
        String name,
        @JsonProperty("configuration_schema") ConfigurationSchema configurationSchema) {

    /** Redash's JSON-schema subset that its UI (and ours) renders as a form. */
    public record ConfigurationSchema(
            String type,
            Map<String, Property> properties,
            List<String> required,
            List<String> order,
            List<String> secret) {
    }

    /** One option: {@code type} is {@code string}, {@code number} (whole numbers here) or {@code boolean}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Property(
            String type,
            String title,
            @JsonProperty("default") Object defaultValue,
            Long minimum,
            Long maximum) {
    }
}
