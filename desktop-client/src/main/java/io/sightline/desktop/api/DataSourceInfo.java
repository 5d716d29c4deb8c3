package io.sightline.desktop.api;

/** An entry of {@code GET /api/data_sources}. */
public record DataSourceInfo(long id, String name, String type, String syntax, boolean paused, boolean viewOnly) {

    @Override
    public String toString() {
        return name;
    }
}
