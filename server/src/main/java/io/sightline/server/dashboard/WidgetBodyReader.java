package io.sightline.server.dashboard;

import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Checks the body of {@code POST /api/widgets[/{id}]}: {@code {dashboard_id, visualization_id, text, width, options}}. */
@Component
class WidgetBodyReader {

    static final int MAX_TEXT_CHARS = 100_000;

    WidgetEdit read(JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"dashboard_id\": 1, "
                    + "\"visualization_id\": 2, \"options\": {}}");
        }
        Long dashboardId = null;
        Long visualizationId = null;
        if (create) {
            JsonNode dashboard = body.path("dashboard_id");
            if (!dashboard.isIntegralNumber() || !dashboard.canConvertToLong()) {
                throw ApiException.badRequest("'dashboard_id' is required: the id of the dashboard to add the widget to");
            }
            dashboardId = dashboard.asLong();
            JsonNode visualization = body.path("visualization_id");
            if (!visualization.isMissingNode() && !visualization.isNull()) {
                if (!visualization.isIntegralNumber() || !visualization.canConvertToLong()) {
                    throw ApiException.badRequest("'visualization_id' must be a visualization's id, or null for a "
                            + "text widget");
                }
                visualizationId = visualization.asLong();
            }
        }
        JsonNode text = body.path("text");
        boolean textSent = !text.isMissingNode();
        if (textSent && !text.isNull() && !text.isString()) {
            throw ApiException.badRequest("'text' must be a string (Markdown for a text widget)");
        }
        if (text.isString() && text.asString().length() > MAX_TEXT_CHARS) {
            throw ApiException.badRequest("'text' must be at most " + MAX_TEXT_CHARS + " characters");
        }
        JsonNode width = body.path("width");
        Integer widthValue = null;
        if (!width.isMissingNode() && !width.isNull()) {
            if (!width.isIntegralNumber() || !width.canConvertToInt() || width.asInt() < 0) {
                throw ApiException.badRequest("'width' must be a whole number, 0 or more");
            }
            widthValue = width.asInt();
        }
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
            throw ApiException.badRequest("'options' must be a JSON object such as {\"position\": {\"col\": 0, "
                    + "\"row\": 0, \"sizeX\": 6, \"sizeY\": 8}}");
        }
        return new WidgetEdit(dashboardId, visualizationId, textSent, text.isString() ? text.asString() : null,
                widthValue, options.isObject() ? options : null);
    }
}
