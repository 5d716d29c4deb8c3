package io.sightline.common.visualization;

/**
 * A result column as visualizations see it.
 *
 * @param type Redash's column type names: integer, float, boolean, string, datetime, date (null = unknown)
 */
public record ResultColumn(String name, String type) {

    public boolean numeric() {
        return "integer".equals(type) || "float".equals(type);
    }

    public boolean temporal() {
        return "datetime".equals(type) || "date".equals(type);
    }
}
