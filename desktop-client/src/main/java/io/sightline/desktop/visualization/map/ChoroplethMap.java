package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A {@code CHOROPLETH}: each region of the bundled layer ({@code countries}, or {@code usa} for the states) filled
 * by the value of the row whose {@code keyColumn} equals the region's {@code targetField} property, classed as
 * Redash does ({@link ColorScale}), with a legend, tooltips from the template, pan and zoom.
 * Keys that match no region are reported on the map, as is a map type that is not bundled.
 */
public final class ChoroplethMap {

    private ChoroplethMap() {
    }

    public static MapView render(ChoroplethOptions options, ResultData result) {
        return render(options, result, MapTheme.LIGHT);
    }

    public static MapView render(ChoroplethOptions options, ResultData result, MapTheme theme) {
        String mapType = options.mapType();
        MapShapes.Layer layer = MapShapes.forMapType(mapType);
        MapView view = new MapView(theme, "usa".equals(mapType) ? layer.extent() : extent(options, layer.extent()));
        if (!"countries".equals(mapType) && !"usa".equals(mapType)) {
            view.report("The map \"" + mapType + "\" is not bundled: showing countries.");
        }
        String keyColumn = options.keyColumn();
        String valueColumn = options.valueColumn();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, Double> values = new HashMap<>();
        if (keyColumn == null || valueColumn == null) {
            view.report("Choose a key column and a value column.");
        } else if (result != null) {
            if (result.column(keyColumn) == null) {
                view.report("The result has no column \"" + keyColumn + "\".");
            }
            for (Map<String, Object> row : result.rows()) {
                Object key = row.get(keyColumn);
                if (key == null || "".equals(key) || Boolean.FALSE.equals(key)) {
                    continue; // Redash skips falsy keys
                }
                String code = key instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? String.valueOf(n.longValue()) : String.valueOf(key);
                rows.put(code, row);
                values.put(code, number(row.get(valueColumn)));
            }
        }
        String targetField = options.targetField() != null ? options.targetField() : guessField(layer, rows.keySet());
        List<MapShapes.Region> regions = layer.regions();
        Double[] regionValues = new Double[regions.size()];
        List<Double> matched = new ArrayList<>();
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            String code = regions.get(i).property(targetField);
            if (code != null && rows.containsKey(code)) {
                regionValues[i] = values.get(code);
                found.add(code);
                if (regionValues[i] != null) {
                    matched.add(regionValues[i]);
                }
            }
        }
        List<String> unknown = rows.keySet().stream().filter(k -> !found.contains(k)).toList();
        if (!unknown.isEmpty() && targetField != null) {
            view.report(unknown.size() + " of " + rows.size() + " keys match no " + ("usa".equals(mapType) ? "state" : "country")
                    + " by " + targetField + ": " + unknown.stream().limit(6).collect(Collectors.joining(", "))
                    + (unknown.size() > 6 ? ", …" : ""));
        }
        Color min = color(options.string("colors.min"), Color.web("#799CFF"));
        Color max = color(options.string("colors.max"), Color.web("#002FB4"));
        Color noValue = saved(options, "noValue") ? color(options.string("colors.noValue"), theme.noValue) : theme.noValue;
        Color borders = saved(options, "borders") ? color(options.string("colors.borders"), theme.borders) : theme.borders;
        if (saved(options, "background")) {
            view.setBackgroundColor(color(options.string("colors.background"), theme.background));
        }
        ColorScale scale = ColorScale.of(matched, options.string("clusteringMode"), options.steps(), min, max);
        String format = options.string("valueFormat");
        String placeholder = options.string("noValuePlaceholder");
        Color[] fills = new Color[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            fills[i] = scale.colorOf(regionValues[i], noValue);
        }
        int[] hovered = {-1};
        view.setPainter((g, v) -> {
            for (int i = 0; i < regions.size(); i++) {
                if (i != hovered[0]) {
                    v.drawRegion(g, regions.get(i), fills[i], borders, 1);
                }
            }
            if (hovered[0] >= 0) {
                v.drawRegion(g, regions.get(hovered[0]), fills[hovered[0]].darker(), borders, 2);
            }
        });
        boolean tooltips = options.bool("tooltip.enabled");
        String template = options.string("tooltip.template");
        boolean popups = options.bool("popup.enabled");
        String popupTemplate = options.string("popup.template");
        java.util.function.IntFunction<Map<String, Object>> fieldsOf = i -> {
            MapShapes.Region region = regions.get(i);
            Map<String, Object> fields = new HashMap<>();
            region.properties().forEach((k, val) -> fields.put("@@" + k, val));
            Double value = regionValues[i];
            fields.put("@@value", value == null ? placeholder : NumberFormat.format(value, format));
            Map<String, Object> row = rows.get(region.property(targetField));
            if (row != null) {
                fields.putAll(row);
            }
            return fields;
        };
        view.setHover((wx, wy, sx, sy) -> {
            hovered[0] = Double.isNaN(wx) ? -1 : regionAt(regions, wx, wy);
            return hovered[0] < 0 || !tooltips ? null : MapTemplate.render(template, fieldsOf.apply(hovered[0]));
        });
        view.setClick((wx, wy, sx, sy) -> {
            int i = regionAt(regions, wx, wy);
            return i < 0 || !popups ? null : MapTemplate.render(popupTemplate, fieldsOf.apply(i));
        });
        if (options.bool("legend.visible") && !scale.legend().isEmpty()) {
            view.setLegend(legend(scale, format, placeholder, options.string("legend.alignText"), theme),
                    options.string("legend.position"));
        }
        return view;
    }

    /**
     * Saved {@code bounds} ({@code [[swLat, swLng], [neLat, neLng]]}) on the world map, else the layer's first view.
     * Redash's {@code usa} bounds are in the fake lat/lng of its own Albers file and are not read.
     */
    static double[] extent(ChoroplethOptions options, double[] fallback) {
        double swLat = options.number("bounds.0.0", Double.NaN), swLng = options.number("bounds.0.1", Double.NaN);
        double neLat = options.number("bounds.1.0", Double.NaN), neLng = options.number("bounds.1.1", Double.NaN);
        if (Double.isFinite(swLat) && Double.isFinite(swLng) && Double.isFinite(neLat) && Double.isFinite(neLng)
                && neLat > swLat && neLng > swLng) {
            return new double[] {Mercator.x(swLng), Mercator.y(neLat), Mercator.x(neLng), Mercator.y(swLat)};
        }
        return fallback;
    }

    private static int regionAt(List<MapShapes.Region> regions, double x, double y) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            if (regions.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    /** Without a saved target field, the field of the layer that matches the most keys (Redash would match none). */
    static String guessField(MapShapes.Layer layer, java.util.Set<String> keys) {
        String best = null;
        long bestCount = 0;
        for (String field : layer.fields()) {
            long count = layer.regions().stream().map(r -> r.property(field)).filter(keys::contains).count();
            if (count > bestCount) {
                best = field;
                bestCount = count;
            }
        }
        return best;
    }

    private static VBox legend(ColorScale scale, String format, String placeholder, String align, MapTheme theme) {
        VBox box = new VBox(3);
        box.getStyleClass().add("sightline-map-legend");
        box.setPadding(new Insets(6, 8, 6, 8));
        box.setBackground(new Background(new BackgroundFill(theme.panel, new CornerRadii(4), Insets.EMPTY)));
        for (ColorScale.Step step : scale.legend()) {
            Rectangle swatch = new Rectangle(14, 14, step.color());
            swatch.setStroke(theme.landBorders);
            Label text = new Label(Double.isFinite(step.limit()) ? NumberFormat.format(step.limit(), format) : placeholder);
            text.setTextFill(theme.text);
            text.setStyle("-fx-font-size: 12px;");
            text.setMinWidth(40);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setAlignment("left".equals(align) ? Pos.CENTER_LEFT : "center".equals(align) ? Pos.CENTER : Pos.CENTER_RIGHT);
            HBox row = new HBox(6, swatch, text);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private static boolean saved(ChoroplethOptions options, String color) {
        return options.saved().get("colors") instanceof Map<?, ?> colors && colors.get(color) != null;
    }

    static Color color(String css, Color fallback) {
        try {
            return css == null ? fallback : Color.web(css);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Redash's {@code parseFloat}: numbers, and text that starts with one. */
    static Double number(Object value) {
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
}
