package io.sightline.server.query;

import static io.sightline.server.query.QueryEdit.DATA_SOURCE_ID;
import static io.sightline.server.query.QueryEdit.DESCRIPTION;
import static io.sightline.server.query.QueryEdit.IS_ARCHIVED;
import static io.sightline.server.query.QueryEdit.IS_DRAFT;
import static io.sightline.server.query.QueryEdit.LATEST_QUERY_DATA_ID;
import static io.sightline.server.query.QueryEdit.NAME;
import static io.sightline.server.query.QueryEdit.OPTIONS;
import static io.sightline.server.query.QueryEdit.QUERY;
import static io.sightline.server.query.QueryEdit.SCHEDULE;
import static io.sightline.server.query.QueryEdit.TAGS;
import static io.sightline.server.query.QueryEdit.VERSION;

import io.sightline.common.parameter.ParameterType;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a create or update body field by field, strictly: a wrong JSON type is a 400 naming the field rather
 * than a silent coercion. Fields it does not know (Redash clients send the whole query object back: id, user,
 * query_hash...) are ignored.
 */
@Component
class QueryBodyReader {

    static final int MAX_NAME_CHARS = 255;
    static final int MAX_TAG_CHARS = 255;
    static final String DEFAULT_NAME = "New Query";

    private final JsonMapper json;
    private final Duration minInterval;
    private final LimitsProperties limits;

    QueryBodyReader(JsonMapper json, @Value("${sightline.scheduler.min-interval:60s}") Duration minInterval,
                    LimitsProperties limits) {
        this.json = json;
        this.minInterval = minInterval;
        this.limits = limits;
    }

    /** As in Redash, a new query is a draft until it is published ({@code is_draft: false}, here or on update). */
    QueryEdit forCreate(JsonNode body) {
        requireObject(body);
        if (!body.has(QUERY)) {
            throw ApiException.badRequest("'query' is required: the SQL text of the query");
        }
        if (!body.has(DATA_SOURCE_ID)) {
            throw ApiException.badRequest("'data_source_id' is required: the data source the query runs on");
        }
        QueryEdit edit = read(body);
        Set<String> sent = new HashSet<>(edit.sent());
        sent.remove(VERSION);
        sent.remove(IS_ARCHIVED);
        sent.remove(LATEST_QUERY_DATA_ID); // a new query has no result yet
        return new QueryEdit(Set.copyOf(sent), edit.dataSourceId(), body.has(NAME) ? edit.name() : DEFAULT_NAME,
                edit.description(), edit.queryText(), edit.scheduleJson(),
                body.has(OPTIONS) ? edit.optionsJson() : "{}", edit.tags() == null ? List.of() : edit.tags(),
                edit.draft() == null || edit.draft(), null, null, null);
    }

    /** An update may not blank the query text: the saved query, its schedule and its dashboards would lose it. */
    QueryEdit forUpdate(JsonNode body) {
        requireObject(body);
        QueryEdit edit = read(body);
        if (edit.queryText() != null && edit.queryText().isBlank()) {
            throw ApiException.badRequest("'query' must not be empty: the SQL text of the query");
        }
        return edit;
    }

    /** Options given as JSON text (by code, not a request): the same rules as a body's {@code options}. */
    String options(String optionsJson) {
        if (optionsJson == null) {
            return "{}";
        }
        try {
            return options(json.readTree(optionsJson));
        } catch (JacksonException e) {
            throw ApiException.badRequest("'options' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags(json.valueToTree(tags));
    }

    String queryText(String text) {
        if (text.length() > limits.maxQueryChars()) {
            throw ApiException.tooLarge(String.format(Locale.ROOT, "Query text is %,d characters; the limit is %,d"
                    + " (sightline.limits.max-query-chars, SIGHTLINE_MAX_QUERY_SIZE)", text.length(), limits.maxQueryChars()));
        }
        return text;
    }

    static String name(String name) {
        if (name.isBlank()) {
            throw ApiException.badRequest("'name' must not be blank");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("'name' is " + name.length() + " characters; the limit is " + MAX_NAME_CHARS);
        }
        return name;
    }

    private QueryEdit read(JsonNode body) {
        Set<String> sent = new HashSet<>();
        for (String field : List.of(DATA_SOURCE_ID, NAME, DESCRIPTION, QUERY, SCHEDULE, OPTIONS, TAGS, IS_DRAFT, VERSION,
                IS_ARCHIVED, LATEST_QUERY_DATA_ID)) {
            if (body.has(field)) {
                sent.add(field);
            }
        }
        return new QueryEdit(Set.copyOf(sent),
                body.has(DATA_SOURCE_ID) ? number(body.get(DATA_SOURCE_ID), DATA_SOURCE_ID) : null,
                body.has(NAME) ? name(string(body.get(NAME), NAME)) : null,
                body.has(DESCRIPTION) ? nullableString(body.get(DESCRIPTION), DESCRIPTION) : null,
                body.has(QUERY) ? queryText(string(body.get(QUERY), QUERY)) : null,
                body.has(SCHEDULE) ? schedule(body.get(SCHEDULE)) : null,
                body.has(OPTIONS) ? options(body.get(OPTIONS)) : null,
                body.has(TAGS) ? tags(body.get(TAGS)) : null,
                body.has(IS_DRAFT) ? bool(body.get(IS_DRAFT), IS_DRAFT) : null,
                body.has(VERSION) ? number(body.get(VERSION), VERSION) : null,
                body.has(IS_ARCHIVED) ? bool(body.get(IS_ARCHIVED), IS_ARCHIVED) : null,
                body.has(LATEST_QUERY_DATA_ID) && !body.get(LATEST_QUERY_DATA_ID).isNull()
                        ? number(body.get(LATEST_QUERY_DATA_ID), LATEST_QUERY_DATA_ID) : null);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
    }

    private static long number(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.badRequest("'" + field + "' must be a whole number, not " + node);
        }
        return node.longValue();
    }

    private static String string(JsonNode node, String field) {
        if (!node.isString()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return node.stringValue();
    }

    private static String nullableString(JsonNode node, String field) {
        return node.isNull() ? null : string(node, field);
    }

    private static boolean bool(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return node.booleanValue();
    }

    private String schedule(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        QuerySchedule.parse(node, minInterval); // kept as sent: Redash clients get back what they saved
        return json.writeValueAsString(node);
    }

    private String options(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("'options' must be an object");
        }
        JsonNode parameters = node.get("parameters");
        if (parameters != null) {
            checkParameters(parameters);
        }
        JsonNode rawText = node.get("raw_text_parameters");
        if (rawText != null && !rawText.isBoolean() && !rawText.isNull()) {
            throw ApiException.badRequest("'options.raw_text_parameters' must be true or false");
        }
        return json.writeValueAsString(parameters == null ? node : withEnumOptionsAsLines((ObjectNode) node));
    }

    /**
     * The options with every {@code enumOptions} sent as a JSON array stored as Redash stores it: one option a line
     * (Redash's client splits the text on newlines). Everything else is kept as sent.
     */
    private static ObjectNode withEnumOptionsAsLines(ObjectNode options) {
        ObjectNode copy = options.deepCopy();
        int i = 0;
        for (JsonNode parameter : copy.get("parameters").values()) {
            JsonNode enumOptions = parameter.get("enumOptions");
            String where = "'options.parameters[" + i++ + "].enumOptions'";
            if (enumOptions == null || !enumOptions.isArray()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (JsonNode option : enumOptions.values()) {
                if (!option.isString() && !option.isNumber()) {
                    throw ApiException.badRequest(where + " must hold strings, not " + option);
                }
                String text = option.isString() ? option.stringValue() : option.asString();
                if (text.contains("\n") || text.contains("\r")) {
                    throw ApiException.badRequest(where + " holds an option with a line break: options are stored"
                            + " one a line");
                }
                lines.add(text);
            }
            ((ObjectNode) parameter).put("enumOptions", String.join("\n", lines));
        }
        return copy;
    }

    private void checkParameters(JsonNode parameters) {
        if (!parameters.isArray()) {
            throw ApiException.badRequest("'options.parameters' must be an array");
        }
        overLimit(parameters.size(), limits.maxParameters(), "'options.parameters' declares %,d parameters",
                "max-parameters, SIGHTLINE_MAX_PARAMETERS");
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode parameter : parameters.values()) {
            String where = "'options.parameters[" + i++ + "]'";
            if (!parameter.isObject()) {
                throw ApiException.badRequest(where + " must be an object");
            }
            String name = nonBlank(parameter.get("name"), where + " needs a 'name' (a non-empty string)");
            String type = nonBlank(parameter.get("type"), where + " ('" + name + "') needs a 'type' (a non-empty string)");
            try {
                ParameterType.fromWire(type);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(where + " ('" + name + "'): " + e.getMessage());
            }
            if (!names.add(name)) {
                throw ApiException.badRequest("'options.parameters' declares '" + name + "' twice");
            }
            JsonNode options = parameter.get("enumOptions");
            int count = options == null ? 0 : options.isArray() ? options.size()
                    : options.isString() ? (int) options.stringValue().lines().count() : 0;
            overLimit(count, limits.maxOptions(), where + " ('" + name + "') has %,d options",
                    "max-options, SIGHTLINE_MAX_PARAMETER_OPTIONS");
        }
    }

    /** A 400 naming the limit, its value and its setting. */
    private static void overLimit(int count, int limit, String what, String setting) {
        if (count > limit) {
            throw ApiException.badRequest(String.format(Locale.ROOT, what + "; the limit is %,d (sightline.limits." + setting + ")",
                    count, limit));
        }
    }

    private static String nonBlank(JsonNode node, String message) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw ApiException.badRequest(message);
        }
        return node.stringValue();
    }

    private List<String> tags(JsonNode node) {
        if (!node.isArray()) {
            throw ApiException.badRequest("'tags' must be an array of strings");
        }
        overLimit(node.size(), limits.maxTags(), "'tags' has %,d tags", "max-tags, SIGHTLINE_MAX_TAGS");
        Set<String> tags = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode tag : node.values()) {
            String where = "'tags[" + i++ + "]'";
            if (!tag.isString() || tag.stringValue().isBlank()) {
                throw ApiException.badRequest(where + " must be a non-empty string");
            }
            String trimmed = tag.stringValue().trim();
            if (trimmed.length() > MAX_TAG_CHARS) {
                throw ApiException.badRequest(where + " is longer than " + MAX_TAG_CHARS + " characters");
            }
            tags.add(trimmed);
        }
        return List.copyOf(tags);
    }
}
