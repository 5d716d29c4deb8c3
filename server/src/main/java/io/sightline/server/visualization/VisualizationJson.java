package io.sightline.server.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.OptionProblem;
import io.sightline.common.visualization.OptionsValidator;
import io.sightline.server.system.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows to the JSON shape, and the options check every save goes through. */
@Component
class VisualizationJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;

    VisualizationJson(JsonMapper json) {
        this.json = json;
    }

    Visualization visualization(VisualizationRow row) {
        return new Visualization(row.id(), row.type(), row.name(), row.description(), options(row.options()),
                row.updatedAt(), row.createdAt());
    }

    /** Options JSON text as the API writes it (one line, keys in their order). */
    String normalized(String optionsJson) {
        return json.writeValueAsString(json.readTree(optionsJson));
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    Map<String, Object> options(String optionsJson) {
        return json.readValue(optionsJson, OBJECT);
    }

    /**
     * Rejects options a renderer could not read at all (a known key holding the wrong kind of value), naming the
     * key; everything else, unknown keys and columns the result may not have included, is stored as sent.
     */
    void requireValidOptions(String type, String optionsJson) {
        List<OptionProblem> errors = OptionsValidator.errors(type, options(optionsJson));
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("'" + errors.get(0).field() + "' " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more: " + errors.subList(1, errors.size())
                    + ")" : ""));
        }
    }
}
