package io.sightline.server.dashboard;

import tools.jackson.databind.JsonNode;

/**
 * A checked widget body. On update only what was sent changes ({@code text}, {@code width}, {@code options});
 * {@code dashboard_id} and {@code visualization_id} are read on create only, as in Redash.
 *
 * @param options the options object, or null when not sent
 */
record WidgetEdit(Long dashboardId, Long visualizationId, boolean textSent, String text, Integer width,
                  JsonNode options) {
}
