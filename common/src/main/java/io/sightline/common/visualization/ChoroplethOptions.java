package io.sightline.common.visualization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code CHOROPLETH}: Redash's defaults; an unknown {@code mapType} reads as {@code countries}, legacy
 * {@code countryCodeColumn} / {@code countryCodeType} as {@code keyColumn} / {@code targetField}.
 */
public final class ChoroplethOptions extends Options {

    public static final Set<String> MAP_TYPES = Set.of("countries", "usa", "subdiv_japan", "custom");

    public ChoroplethOptions(Map<String, Object> saved) {
        super(saved, legacy(saved), map("mapType", "countries", "keyColumn", null, "targetField", null,
                "valueColumn", null, "clusteringMode", "e", "steps", 5, "valueFormat", "0,0.00",
                "noValuePlaceholder", "N/A",
                "colors", map("min", "#799CFF", "max", "#002FB4", "background", "#FFFFFF", "borders", "#FFFFFF",
                        "noValue", "#DDDDDD"),
                "legend", map("visible", true, "position", "bottom-left", "alignText", "right"),
                "tooltip", map("enabled", true, "template", "<b>{{ @@name }}</b>: {{ @@value }}"),
                "popup", map("enabled", true,
                        "template", "Country: <b>{{ @@name_long }} ({{ @@iso_a2 }})</b>\n<br>\nValue: <b>{{ @@value }}</b>")));
    }

    private static Map<String, Object> legacy(Map<String, Object> saved) {
        if (saved == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(saved);
        if (copy.get("countryCodeColumn") != null) {
            copy.put("keyColumn", copy.get("countryCodeColumn"));
        }
        if (copy.get("countryCodeType") != null) {
            copy.put("targetField", copy.get("countryCodeType"));
        }
        if (!MAP_TYPES.contains(String.valueOf(copy.getOrDefault("mapType", "countries")))) {
            copy.put("mapType", "countries");
        }
        return copy;
    }

    public String mapType() {
        return string("mapType");
    }

    public String keyColumn() {
        return string("keyColumn");
    }

    public String targetField() {
        return string("targetField");
    }

    public String valueColumn() {
        return string("valueColumn");
    }

    public int steps() {
        return (int) number("steps", 5);
    }
}
