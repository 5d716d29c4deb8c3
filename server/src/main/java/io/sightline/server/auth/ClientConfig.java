package io.sightline.server.auth;

import java.util.Map;

/**
 * Entries of {@code client_config} in {@code GET /api/session}, as Redash's {@code client_config()} gathers them
 * from the organization's settings: features provide them without the session depending on those features.
 */
public interface ClientConfig {

    /** Redash's keys and values, e.g. {@code dateFormat}. */
    Map<String, Object> entries();
}
