package io.sightline.desktop.api;

import java.util.Map;

/** A notification destination ({@code /api/destinations}); {@code options} only for admins, secrets masked. */
public record DestinationSummary(long id, String name, String type, Map<String, Object> options) {
}
