package io.sightline.server.visualization;

import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a create or update body field by field: a wrong JSON type is a 400 naming the field. Fields it does not
 * know are ignored (Redash's client sends the whole visualization back, {@code id} and timestamps included); on an
 * update {@code query_id} is ignored, as in Redash: a visualization stays with its query, and {@code updated_at},
 * when sent, is the time the client read it at (a save over a newer one is refused).
 */
@Component
class VisualizationBodyReader {

    static final int MAX_TYPE_CHARS = 100;
    static final int MAX_NAME_CHARS = 255;
    static final int MAX_DESCRIPTION_CHARS = 4096;

    private final JsonMapper json;

    VisualizationBodyReader(JsonMapper json) {
        this.json = json;
    }

    VisualizationEdit forCreate(JsonNode body) {
        requireObject(body);
        if (!body.has("query_id") || body.get("query_id").isNull()) {
            throw ApiException.badRequest("'query_id' is required: the query the visualization belongs to");
        }
        if (!body.has("type") || body.get("type").isNull()) {
            throw ApiException.badRequest("'type' is required: TABLE, CHART, COUNTER, PIVOT, ... (Redash's names)");
        }
        VisualizationEdit edit = read(body);
        String name = edit.name() != null ? edit.name() : defaultName(edit.type());
        return new VisualizationEdit(queryId(body.get("query_id")), edit.type(), name,
                edit.descriptionSent() ? edit.description() : "", true,
                edit.optionsJson() != null ? edit.optionsJson() : "{}", null);
    }

    VisualizationEdit forUpdate(JsonNode body) {
        requireObject(body);
        VisualizationEdit edit = read(body);
        return new VisualizationEdit(null, edit.type(), edit.name(), edit.description(), edit.descriptionSent(),
                edit.optionsJson(), body.has("updated_at") ? lastRead(body.get("updated_at")) : null);
    }

    private VisualizationEdit read(JsonNode body) {
        String type = body.has("type") ? type(body.get("type")) : null;
        String name = body.has("name") ? name(body.get("name")) : null;
        boolean descriptionSent = body.has("description");
        String description = descriptionSent ? description(body.get("description")) : null;
        String options = body.has("options") ? options(body.get("options")) : null;
        return new VisualizationEdit(null, type, name, description, descriptionSent, options, null);
    }

    private static OffsetDateTime lastRead(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        try {
            if (node.isString()) {
                return OffsetDateTime.parse(node.asString().strip());
            }
        } catch (DateTimeParseException e) {
            // answered below, naming the field
        }
        throw ApiException.badRequest("'updated_at' must be the visualization's updated_at as it was read (an"
                + " ISO-8601 time with its offset, such as 2026-12-07T19:30:00.123456Z), or left out, not " + node);
    }

    private static long queryId(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw ApiException.badRequest("'query_id' must be the id of a query (a positive whole number), not "
                    + node);
        }
        return node.asLong();
    }

    private static String type(JsonNode node) {
        if (!node.isString() || node.asString().isBlank()) {
            throw ApiException.badRequest("'type' must be a visualization type name such as \"CHART\", not " + node);
        }
        String type = node.asString().strip();
        if (type.length() > MAX_TYPE_CHARS) {
            throw ApiException.badRequest("'type' is " + type.length() + " characters; the limit is " + MAX_TYPE_CHARS);
        }
        return type;
    }

    private static String name(JsonNode node) {
        if (!node.isString() || node.asString().isBlank()) {
            throw ApiException.badRequest("'name' must be a text that is not blank, not " + node);
        }
        String name = node.asString();
        if (name.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("'name' is " + name.length() + " characters; the limit is " + MAX_NAME_CHARS);
        }
        return name;
    }

    private static String description(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest("'description' must be a text or null, not " + node);
        }
        String text = node.asString();
        if (text.length() > MAX_DESCRIPTION_CHARS) {
            throw ApiException.badRequest("'description' is " + text.length() + " characters; the limit is "
                    + MAX_DESCRIPTION_CHARS);
        }
        return text;
    }

    private String options(JsonNode node) {
        if (node.isNull()) {
            return "{}";
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'options' must be a JSON object, not " + node.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        return json.writeValueAsString(node);
    }

    /** "CHART" becomes "Chart", "WORD_CLOUD" "Word cloud": a name the user can change. */
    static String defaultName(String type) {
        String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
    }
}
