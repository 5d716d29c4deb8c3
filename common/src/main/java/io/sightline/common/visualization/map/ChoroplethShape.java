package io.sightline.common.visualization.map;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code CHOROPLETH} shaped for drawing, by the rules both the desktop and the shared page follow: the row whose
 * {@code keyColumn} equals a region's {@code targetField} property gives the region its value (falsy keys skipped,
 * as Redash), the values are classed by {@link ColorScale}, and each region gets its fill, its formatted value and
 * its tooltip and popup text. A colour left null is the renderer's theme (no value, borders, background) unless the
 * options saved one. What cannot be drawn as asked is said in {@link #problems()}.
 *
 * @param regions one per region of the layer, in the layer's order
 */
public record ChoroplethShape(MapOutlines outlines, String targetField, List<Region> regions, ColorScale scale,
                              Rgb noValue, Rgb borders, Rgb background, List<String> problems,
                              ChoroplethOptions options) {

    public static final Rgb DEFAULT_MIN = Rgb.of("#799CFF");
    public static final Rgb DEFAULT_MAX = Rgb.of("#002FB4");

    /**
     * @param key the region's {@code targetField} property, or null
     * @param row the result row matched to it, or null
     * @param value the row's value ({@code parseFloat} of the value column), or null
     * @param color its class's colour, or null when it has no value (the renderer's no-value colour)
     */
    public record Region(Map<String, String> properties, String key, Map<String, Object> row, Double value, Rgb color) {}

    /**
     * @param layer the properties of each region of {@code options.mapType()}'s outlines, in the layer's order
     * @param fields the properties a key may be matched by, in the layer's order (to guess a missing target field)
     */
    public static ChoroplethShape of(ChoroplethOptions options, ResultData result, List<Map<String, String>> layer,
                                     List<String> fields) {
        String mapType = options.mapType();
        MapOutlines outlines = MapOutlines.forMapType(mapType);
        List<String> problems = new ArrayList<>();
        if (!"countries".equals(mapType) && !"usa".equals(mapType)) {
            problems.add("The map \"" + mapType + "\" is not bundled: showing countries.");
        }
        Map<String, Map<String, Object>> rows = rowsByKey(options, result, problems);
        String targetField = options.targetField() != null ? options.targetField() : guessField(layer, fields, rows.keySet());
        Set<String> found = new HashSet<>();
        List<Double> matched = new ArrayList<>();
        for (Map<String, String> region : layer) {
            String key = targetField == null ? null : region.get(targetField);
            if (key != null && rows.containsKey(key)) {
                found.add(key);
                Double value = parseFloat(rows.get(key).get(options.valueColumn()));
                if (value != null) {
                    matched.add(value);
                }
            }
        }
        List<String> unknown = rows.keySet().stream().filter(k -> !found.contains(k)).toList();
        if (!unknown.isEmpty() && targetField != null) {
            problems.add(unknown.size() + " of " + rows.size() + " keys match no " + outlines.noun() + " by "
                    + targetField + ": " + unknown.stream().limit(6).collect(Collectors.joining(", "))
                    + (unknown.size() > 6 ? ", …" : ""));
        }
        Rgb min = or(Rgb.parse(options.string("colors.min")), DEFAULT_MIN);
        Rgb max = or(Rgb.parse(options.string("colors.max")), DEFAULT_MAX);
        ColorScale scale = ColorScale.of(matched, options.string("clusteringMode"), options.steps(), min, max);
        List<Region> regions = new ArrayList<>(layer.size());
        for (Map<String, String> properties : layer) {
            String key = targetField == null ? null : properties.get(targetField);
            Map<String, Object> row = key == null ? null : rows.get(key);
            Double value = row == null ? null : parseFloat(row.get(options.valueColumn()));
            regions.add(new Region(properties, key, row, value, scale.colorOf(value, null)));
        }
        return new ChoroplethShape(outlines, targetField, List.copyOf(regions), scale, saved(options, "noValue"),
                saved(options, "borders"), saved(options, "background"), List.copyOf(problems), options);
    }

    private static Map<String, Map<String, Object>> rowsByKey(ChoroplethOptions options, ResultData result,
                                                              List<String> problems) {
        String keyColumn = options.keyColumn();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        if (keyColumn == null || options.valueColumn() == null) {
            problems.add("Choose a key column and a value column.");
            return rows;
        }
        if (result == null) {
            return rows;
        }
        if (result.column(keyColumn) == null) {
            problems.add("The result has no column \"" + keyColumn + "\".");
        }
        for (Map<String, Object> row : result.rows()) {
            Object key = row.get(keyColumn);
            if (key == null || "".equals(key) || Boolean.FALSE.equals(key)) {
                continue; // Redash skips falsy keys
            }
            String code = key instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? String.valueOf(n.longValue()) : String.valueOf(key);
            rows.put(code, row);
        }
        return rows;
    }

    /** Without a saved target field, the field of the layer that matches the most keys (Redash would match none). */
    static String guessField(List<Map<String, String>> layer, List<String> fields, Set<String> keys) {
        String best = null;
        long bestCount = 0;
        for (String field : fields) {
            long count = layer.stream().map(r -> r.get(field)).filter(keys::contains).count();
            if (count > bestCount) {
                best = field;
                bestCount = count;
            }
        }
        return best;
    }

    /** A region's value as the options format it, or the no-value placeholder. */
    public String text(Region region) {
        return region.value() == null ? options.string("noValuePlaceholder")
                : NumberFormat.format(region.value(), options.string("valueFormat"));
    }

    /** A legend limit as the options format it. */
    public String text(double limit) {
        return Double.isFinite(limit) ? NumberFormat.format(limit, options.string("valueFormat"))
                : options.string("noValuePlaceholder");
    }

    /** The tooltip template over the region, or null when tooltips are off. */
    public String tooltip(Region region) {
        return options.bool("tooltip.enabled") ? MapTemplate.render(options.string("tooltip.template"), fields(region))
                : null;
    }

    /** The popup (click) template over the region, or null when popups are off. */
    public String popup(Region region) {
        return options.bool("popup.enabled") ? MapTemplate.render(options.string("popup.template"), fields(region))
                : null;
    }

    /** What templates may name: {@code @@} and each region property, {@code @@value}, and the row's columns. */
    private Map<String, Object> fields(Region region) {
        Map<String, Object> fields = new HashMap<>();
        region.properties().forEach((k, v) -> fields.put("@@" + k, v));
        fields.put("@@value", text(region));
        if (region.row() != null) {
            fields.putAll(region.row());
        }
        return fields;
    }

    /** Redash's {@code parseFloat}: numbers, and text that starts with one. */
    public static Double parseFloat(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")
                    .matcher(s);
            return m.find() ? Double.valueOf(m.group().strip()) : null;
        }
        return null;
    }

    private static Rgb saved(ChoroplethOptions options, String color) {
        return options.saved().get("colors") instanceof Map<?, ?> colors && colors.get(color) != null
                ? Rgb.parse(String.valueOf(colors.get(color))) : null;
    }

    private static Rgb or(Rgb rgb, Rgb fallback) {
        return rgb == null ? fallback : rgb;
    }
}
