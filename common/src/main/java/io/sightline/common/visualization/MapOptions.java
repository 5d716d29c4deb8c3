package io.sightline.common.visualization;

import java.util.Map;

/**
 * {@code MAP} (markers): Redash's defaults. {@code mapTileUrl} is kept but never fetched: the base layer is the
 * bundled outlines. Legacy {@code classify: "none"} reads as no grouping. Sightline's bubbles (markers drawn as
 * circles whose area follows a numeric column) are {@code sightline.bubble: {sizeColumn, maxRadius}}, which Redash
 * ignores.
 */
public final class MapOptions extends Options {

    public MapOptions(Map<String, Object> saved) {
        super(saved, map("latColName", "lat", "lonColName", "lon", "classify", null, "groups", map(),
                "mapTileUrl", "//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "clusterMarkers", true,
                "customizeMarkers", false, "iconShape", "marker", "iconFont", "circle", "foregroundColor", "#ffffff",
                "backgroundColor", "#356AFF", "borderColor", "#356AFF", "bounds", null,
                "tooltip", map("enabled", false, "template", ""), "popup", map("enabled", true, "template", "")));
    }

    public String latColName() {
        return string("latColName");
    }

    public String lonColName() {
        return string("lonColName");
    }

    /** The column grouping markers, or null. */
    public String classify() {
        String c = string("classify");
        return c == null || "none".equals(c) ? null : c;
    }

    public boolean clusterMarkers() {
        return bool("clusterMarkers");
    }

    /** The largest bubble's radius in pixels when {@code sightline.bubble.maxRadius} is missing or not usable. */
    public static final double DEFAULT_MAX_RADIUS = 30;
    /** The bounds of {@code sightline.bubble.maxRadius}: smaller is not a bubble, larger covers the map. */
    public static final double MIN_MAX_RADIUS = 4;
    public static final double MAX_MAX_RADIUS = 100;

    /** The column sizing bubbles ({@code sightline.bubble.sizeColumn}), or null for markers. */
    public String sizeColumn() {
        String column = string("sightline.bubble.sizeColumn");
        return column == null || column.isBlank() ? null : column;
    }

    /** The radius in pixels of the largest value's bubble, clamped to 4–100 (30 when missing or not a number). */
    public double maxRadius() {
        double saved = number("sightline.bubble.maxRadius", DEFAULT_MAX_RADIUS);
        return Double.isFinite(saved) ? Math.max(MIN_MAX_RADIUS, Math.min(MAX_MAX_RADIUS, saved)) : DEFAULT_MAX_RADIUS;
    }
}
