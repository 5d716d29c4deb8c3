package io.sightline.desktop.api;

import io.sightline.common.visualization.OrganizationFormats;
import java.util.List;

/**
 * {@code GET /api/session}: who the API key belongs to, and the organization's formats from its
 * {@code client_config}.
 */
public record Session(long userId, String name, String email, List<String> permissions, String serverVersion,
                      OrganizationFormats formats) {

    public boolean admin() {
        return permissions.contains("admin");
    }
}
