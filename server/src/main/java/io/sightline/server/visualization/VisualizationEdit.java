package io.sightline.server.visualization;

import java.time.OffsetDateTime;

/**
 * The fields a create or update body sent, checked; null where a field was not sent.
 *
 * @param optionsJson the options object re-written as JSON text, every key kept
 * @param lastRead on an update, the {@code updated_at} the client read the visualization at (Redash's client sends
 *        the whole visualization back): a save over a newer one is a 409; null when not sent (no check)
 */
record VisualizationEdit(Long queryId, String type, String name, String description, boolean descriptionSent,
                         String optionsJson, OffsetDateTime lastRead) {
}
