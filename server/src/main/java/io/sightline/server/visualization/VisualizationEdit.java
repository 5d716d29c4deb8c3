package io.sightline.server.visualization;

/**
 * The fields a create or update body sent, checked; null where a field was not sent.
 *
 * @param optionsJson the options object re-written as JSON text, every key kept
 */
record VisualizationEdit(Long queryId, String type, String name, String description, boolean descriptionSent,
                         String optionsJson) {
}
