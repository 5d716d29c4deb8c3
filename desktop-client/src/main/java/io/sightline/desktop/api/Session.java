package io.sightline.desktop.api;

import java.util.List;

/** {@code GET /api/session}: who the API key belongs to. */
public record Session(long userId, String name, String email, List<String> permissions, String serverVersion) {

    public boolean admin() {
        return permissions.contains("admin");
    }
}
