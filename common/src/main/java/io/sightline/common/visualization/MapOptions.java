package io.sightline.common.visualization;

import java.util.Map;

/**
 * {@code MAP} (markers): Redash's defaults. {@code mapTileUrl} is kept but never fetched: the base layer is the
 * bundled outlines. Legacy {@code classify: "none"} reads as no grouping.
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
}
