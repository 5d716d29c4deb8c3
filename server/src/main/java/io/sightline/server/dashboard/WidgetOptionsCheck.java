package io.sightline.server.dashboard;

import io.sightline.server.system.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks a widget's {@code options}: {@code position} on the 12-column grid and {@code parameterMappings} (Redash's
 * shape {@code {param: {name, type, mapTo, value, title}}}), naming the field that is wrong. Other keys
 * ({@code paramOrder}, {@code isHidden}, anything new) are kept as sent.
 */
final class WidgetOptionsCheck {

    static final int GRID_COLUMNS = 12;
    static final List<String> MAPPING_TYPES = List.of("dashboard-level", "widget-level", "static-value");

    private WidgetOptionsCheck() {
    }

    /**
     * @param parameters the names of the widget query's parameters; null for a text widget (which has none)
     */
    static void check(JsonNode options, Collection<String> parameters) {
        position(options.path("position"));
        JsonNode paramOrder = options.path("paramOrder");
        if (present(paramOrder) && (!paramOrder.isArray() || paramOrder.valueStream().anyMatch(n -> !n.isString()))) {
            throw bad("options.paramOrder", "must be an array of parameter names");
        }
        JsonNode isHidden = options.path("isHidden");
        if (present(isHidden) && !isHidden.isBoolean()) {
            throw bad("options.isHidden", "must be true or false");
        }
        mappings(options.path("parameterMappings"), parameters);
    }

    private static void position(JsonNode position) {
        if (!present(position)) {
            return;
        }
        if (!position.isObject()) {
            throw bad("options.position", "must be an object {col, row, sizeX, sizeY}");
        }
        for (String field : List.of("col", "row", "sizeX", "sizeY", "minSizeX", "minSizeY", "maxSizeX", "maxSizeY")) {
            JsonNode value = position.path(field);
            if (present(value) && !(value.isIntegralNumber() && value.canConvertToInt())) {
                throw bad("options.position." + field, "must be a whole number, not " + value);
            }
        }
        JsonNode autoHeight = position.path("autoHeight");
        if (present(autoHeight) && !autoHeight.isBoolean()) {
            throw bad("options.position.autoHeight", "must be true or false");
        }
        int col = position.path("col").asInt(0);
        int sizeX = position.path("sizeX").asInt(1);
        if (col < 0 || col >= GRID_COLUMNS) {
            throw bad("options.position.col", "must be between 0 and " + (GRID_COLUMNS - 1) + ", not " + col);
        }
        if (position.path("row").asInt(0) < 0) {
            throw bad("options.position.row", "must be 0 or more, not " + position.path("row").asInt());
        }
        if (sizeX < 1 || col + sizeX > GRID_COLUMNS) {
            throw bad("options.position.sizeX", "must keep the widget on the " + GRID_COLUMNS
                    + "-column grid (col + sizeX at most " + GRID_COLUMNS + "), not col " + col + " + sizeX " + sizeX);
        }
        if (position.path("sizeY").asInt(1) == 0) {
            throw bad("options.position.sizeY", "must not be 0 (a negative value means automatic height)");
        }
    }

    private static void mappings(JsonNode mappings, Collection<String> parameters) {
        if (!present(mappings)) {
            return;
        }
        if (!mappings.isObject()) {
            throw bad("options.parameterMappings", "must be an object {parameter: {name, type, mapTo, value, title}}");
        }
        for (Map.Entry<String, JsonNode> entry : mappings.properties()) {
            String param = entry.getKey();
            String field = "options.parameterMappings." + param;
            if (parameters == null) {
                throw bad(field, "is not allowed: a text widget has no parameters");
            }
            if (!parameters.contains(param)) {
                throw bad(field, "names no parameter of the widget's query (its parameters: "
                        + (parameters.isEmpty() ? "none" : String.join(", ", parameters)) + ")");
            }
            JsonNode mapping = entry.getValue();
            if (!mapping.isObject()) {
                throw bad(field, "must be an object {name, type, mapTo, value, title}");
            }
            JsonNode name = mapping.path("name");
            if (present(name) && !(name.isString() && name.asString().equals(param))) {
                throw bad(field + ".name", "must be the parameter's name '" + param + "', not " + name);
            }
            JsonNode type = mapping.path("type");
            if (!type.isString() || !MAPPING_TYPES.contains(type.asString())) {
                throw bad(field + ".type", "must be one of " + String.join(", ", MAPPING_TYPES)
                        + (present(type) ? ", not " + type : ""));
            }
            JsonNode mapTo = mapping.path("mapTo");
            if (present(mapTo) && !mapTo.isString()) {
                throw bad(field + ".mapTo", "must be the name of a dashboard parameter");
            }
            if ("dashboard-level".equals(type.asString()) && (!mapTo.isString() || mapTo.asString().isBlank())) {
                throw bad(field + ".mapTo", "is required for a dashboard-level mapping: the dashboard parameter's name");
            }
            JsonNode title = mapping.path("title");
            if (present(title) && !title.isString()) {
                throw bad(field + ".title", "must be a string");
            }
        }
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static ApiException bad(String field, String message) {
        return ApiException.badRequest("'" + field + "' " + message);
    }
}
