package io.sightline.server.dashboard;

import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the body of {@code POST /api/dashboards}: {@code {name, tags?, layout?, options?, is_draft?}}. A new
 * dashboard is a draft, as in Redash, unless {@code is_draft: false} is sent (Sightline's own: Redash ignores it).
 */
@Component
class DashboardBodyReader {

    static final int MAX_NAME_CHARS = 100;
    /** Redash's smallest auto-refresh in a page URL. */
    static final int MIN_REFRESH_SECONDS = 30;

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
        options(options);
        if (options.path("sightline").isObject()) { // the key is the server's to give, never a request's
            options = options.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) options.path("sightline")).remove("key");
        }
        JsonNode draft = body.path("is_draft");
        if (!draft.isMissingNode() && !draft.isNull() && !draft.isBoolean()) {
            throw ApiException.badRequest("'is_draft' must be true or false");
        }
        return new NewDashboard(trimmed, tags.isArray() ? json.writeValueAsString(tagList(tags)) : "[]",
                layout.isArray() ? json.writeValueAsString(layout) : "[]",
                options.isObject() ? json.writeValueAsString(options) : "{}", !draft.isBoolean() || draft.asBoolean());
    }

    /**
     * The fields of {@code POST /api/dashboards/{id}} that were sent, checked; others (id, slug, widgets, user, ...
     * as a client sends back the whole dashboard) are ignored, as in Redash.
     */
    DashboardEdit forUpdate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"name\": \"Sales\", \"version\": 3}");
        }
        java.util.Set<String> sent = new java.util.HashSet<>();
        for (String field : java.util.List.of("name", "layout", "tags", "is_draft", "is_archived",
                "dashboard_filters_enabled", "options", "version")) {
            if (body.has(field) && !(body.get(field).isNull() && !field.equals("options"))) {
                sent.add(field);
            }
        }
        String name = null;
        if (sent.contains("name")) {
            JsonNode n = body.get("name");
            if (!n.isString() || n.asString().isBlank()) {
                throw ApiException.badRequest("'name' must be a non-empty string");
            }
            name = n.asString().strip();
            if (name.length() > MAX_NAME_CHARS) {
                throw ApiException.badRequest("'name' must be at most " + MAX_NAME_CHARS + " characters, not "
                        + name.length());
            }
        }
        String layout = null;
        if (sent.contains("layout")) {
            if (!body.get("layout").isArray()) {
                throw ApiException.badRequest("'layout' must be an array");
            }
            layout = json.writeValueAsString(body.get("layout"));
        }
        String tags = null;
        if (sent.contains("tags")) {
            JsonNode t = body.get("tags");
            if (!t.isArray() || t.values().stream().anyMatch(tag -> !tag.isString())) {
                throw ApiException.badRequest("'tags' must be an array of strings, such as [\"sales\"]");
            }
            tags = json.writeValueAsString(tagList(t));
        }
        Boolean draft = bool(body, sent, "is_draft");
        Boolean archived = bool(body, sent, "is_archived");
        Boolean filters = bool(body, sent, "dashboard_filters_enabled");
        String options = null;
        if (sent.contains("options")) {
            JsonNode o = body.get("options");
            options(o);
            options = o.isObject() ? json.writeValueAsString(o) : "{}";
        }
        Long version = null;
        if (sent.contains("version")) {
            JsonNode v = body.get("version");
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw ApiException.badRequest("'version' must be the dashboard's version number, as last read");
            }
            version = v.asLong();
        }
        return new DashboardEdit(java.util.Set.copyOf(sent), name, layout, tags, draft, archived, filters, options,
                version);
    }

    private static Boolean bool(JsonNode body, java.util.Set<String> sent, String field) {
        if (!sent.contains(field)) {
            return null;
        }
        if (!body.get(field).isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return body.get(field).asBoolean();
    }

    /** {@code options}: an object; {@code options.refresh} (new: the dashboard's own auto-refresh) null or seconds. */
    static void options(JsonNode options) {
        if (options.isMissingNode() || options.isNull()) {
            return;
        }
        if (!options.isObject()) {
            throw ApiException.badRequest("'options' must be a JSON object");
        }
        JsonNode refresh = options.path("refresh");
        if (!refresh.isMissingNode() && !refresh.isNull()
                && (!refresh.isIntegralNumber() || !refresh.canConvertToInt() || refresh.asInt() < MIN_REFRESH_SECONDS)) {
            throw ApiException.badRequest("'options.refresh' must be null (no auto-refresh) or a number of seconds, "
                    + MIN_REFRESH_SECONDS + " or more (Redash offers 60 to 86400), not " + refresh);
        }
        JsonNode parameters = options.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && (!parameters.isArray()
                || parameters.valueStream().anyMatch(p -> !p.path("name").isString()))) {
            throw ApiException.badRequest("'options.parameters' must be an array of saved dashboard parameter values "
                    + "[{name, value}]");
        }
        JsonNode order = options.path("globalParamOrder");
        if (!order.isMissingNode() && !order.isNull()
                && (!order.isArray() || order.valueStream().anyMatch(n -> !n.isString()))) {
            throw ApiException.badRequest("'options.globalParamOrder' must be an array of parameter names");
        }
    }

    private static java.util.List<String> tagList(JsonNode tags) {
        return tags.values().stream().map(tag -> tag.asString().strip()).filter(tag -> !tag.isEmpty()).distinct()
                .toList();
    }
}
