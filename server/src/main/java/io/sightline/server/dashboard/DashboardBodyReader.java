package io.sightline.server.dashboard;

import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the body of {@code POST /api/dashboards}: {@code {name, tags?, layout?, options?, is_draft?}}. */
@Component
class DashboardBodyReader {

    static final int MAX_NAME_CHARS = 100;

    private final JsonMapper json;

    DashboardBodyReader(JsonMapper json) {
        this.json = json;
    }

    NewDashboard forCreate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"name\": \"Sales\"}");
        }
        JsonNode name = body.path("name");
        if (!name.isString() || name.asString().isBlank()) {
            throw ApiException.badRequest("'name' is required: the dashboard's name as a non-empty string");
        }
        String trimmed = name.asString().strip();
        if (trimmed.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("'name' must be at most " + MAX_NAME_CHARS + " characters, not "
                    + trimmed.length());
        }
        JsonNode tags = body.path("tags");
        if (!tags.isMissingNode() && !tags.isNull()
                && (!tags.isArray() || tags.values().stream().anyMatch(tag -> !tag.isString()))) {
            throw ApiException.badRequest("'tags' must be an array of strings, such as [\"sales\"]");
        }
        JsonNode layout = body.path("layout");
        if (!layout.isMissingNode() && !layout.isNull() && !layout.isArray()) {
            throw ApiException.badRequest("'layout' must be an array");
        }
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
            throw ApiException.badRequest("'options' must be a JSON object");
        }
        JsonNode draft = body.path("is_draft");
        if (!draft.isMissingNode() && !draft.isNull() && !draft.isBoolean()) {
            throw ApiException.badRequest("'is_draft' must be true or false");
        }
        return new NewDashboard(trimmed, tags.isArray() ? json.writeValueAsString(tagList(tags)) : "[]",
                layout.isArray() ? json.writeValueAsString(layout) : "[]",
                options.isObject() ? json.writeValueAsString(options) : "{}", draft.asBoolean(false));
    }

    private static java.util.List<String> tagList(JsonNode tags) {
        return tags.values().stream().map(tag -> tag.asString().strip()).filter(tag -> !tag.isEmpty()).distinct()
                .toList();
    }
}
