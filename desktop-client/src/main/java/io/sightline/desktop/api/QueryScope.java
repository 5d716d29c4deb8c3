package io.sightline.desktop.api;

/** Which saved queries a list shows; each is its own server endpoint. */
public enum QueryScope {
    ALL("api/queries"),
    MINE("api/queries/my"),
    FAVORITES("api/queries/favorites"),
    RECENT("api/queries/recent");

    final String path;

    QueryScope(String path) {
        this.path = path;
    }
}
