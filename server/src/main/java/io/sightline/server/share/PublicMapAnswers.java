package io.sightline.server.share;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.ChoroplethShape;
import io.sightline.common.visualization.map.ColorScale;
import io.sightline.common.visualization.map.MapOutlines;
import io.sightline.common.visualization.map.MarkerLayer;
import io.sightline.common.visualization.map.Rgb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A map widget's {@code map} for the shared page, shaped by the same {@code common} code the desktop draws from
 * ({@link ChoroplethShape}, {@link MarkerLayer}): every region's fill, formatted value and tooltip, or every
 * marker's place, group colour and tooltip (a bubble's radius in pixels too), so the page only draws them on the
 * outlines it fetches. A colour left null is the page's theme (as the desktop's, unless the options saved one).
 * Each region and marker names its result row ({@code row}, an index into the answer's {@code rows}) for a click to drill through with.
 */
@Component
class PublicMapAnswers {

    private final PublicMapOutlines outlines;

    PublicMapAnswers(PublicMapOutlines outlines) {
        this.outlines = outlines;
    }

    Map<String, Object> choropleth(ChoroplethOptions options, ResultData data) {
        MapOutlines layer = MapOutlines.forMapType(options.mapType());
        PublicMapOutlines.Layer outline = outlines.layer(layer);
        ChoroplethShape shape = ChoroplethShape.of(options, data, outline.regions(), outline.fields());
        Map<String, Object> map = base("choropleth", layer, shape.problems());
        map.put("target_field", shape.targetField());
        Map<Map<String, Object>, Integer> rowIndex = rowIndex(data);
        List<Map<String, Object>> regions = new ArrayList<>(shape.regions().size());
        for (int i = 0; i < shape.regions().size(); i++) {
            ChoroplethShape.Region region = shape.regions().get(i);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("key", String.valueOf(i));
            one.put("name", region.properties().get("name"));
            one.put("code", region.key());
            one.put("value", region.value());
            one.put("text", shape.text(region));
            one.put("color", hex(region.color()));
            one.put("tooltip", shape.tooltip(region));
            one.put("row", region.row() == null ? null : rowIndex.get(region.row()));
            regions.add(one);
        }
        map.put("regions", regions);
        Map<String, Object> colors = new HashMap<>();
        colors.put("no_value", hex(shape.noValue()));
        colors.put("borders", hex(shape.borders()));
        colors.put("background", hex(shape.background()));
        map.put("colors", colors);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ColorScale.Step step : shape.scale().legend()) {
            steps.add(Map.of("color", step.color().hex(), "limit", step.limit(), "text", shape.text(step.limit())));
        }
        Map<String, Object> legend = new LinkedHashMap<>();
        legend.put("visible", options.bool("legend.visible") && !steps.isEmpty());
        legend.put("position", options.string("legend.position"));
        legend.put("align", options.string("legend.alignText"));
        legend.put("steps", steps);
        map.put("legend", legend);
        if (layer == MapOutlines.COUNTRIES) {
            map.put("bounds", bounds(options.number("bounds.0.0", Double.NaN), options.number("bounds.0.1", Double.NaN),
                    options.number("bounds.1.0", Double.NaN), options.number("bounds.1.1", Double.NaN)));
        }
        return map;
    }

    Map<String, Object> markers(MapOptions options, ResultData data) {
        MarkerLayer layer = MarkerLayer.of(options, data);
        Map<String, Object> map = base("markers", MapOutlines.COUNTRIES, layer.problems());
        List<Map<String, Object>> points = new ArrayList<>(layer.markers().size());
        for (MarkerLayer.Marker marker : layer.markers()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("lat", marker.lat());
            one.put("lon", marker.lon());
            one.put("group", marker.group());
            one.put("label", layer.tooltip(marker));
            one.put("row", marker.row());
            if (layer.bubbles()) {
                one.put("size", marker.size());
                one.put("radius", layer.radius(marker));
            }
            points.add(one);
        }
        map.put("points", points);
        map.put("bubble", bubble(layer));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < layer.groups().size(); i++) {
            groups.add(Map.of("name", layer.groups().get(i), "color", layer.groupColors().get(i).hex()));
        }
        map.put("groups", groups);
        map.put("classified", layer.classified());
        map.put("cluster", options.clusterMarkers() && !layer.bubbles()); // bubbles never merge: sizes would hide
        Map<String, Object> pin = new HashMap<>();
        pin.put("fill", hex(layer.pinFill()));
        pin.put("border", hex(layer.pinBorder()));
        pin.put("dot", hex(layer.pinDot()));
        map.put("pin", pin);
        map.put("bounds", bounds(options.number("bounds._southWest.lat", Double.NaN),
                options.number("bounds._southWest.lng", Double.NaN), options.number("bounds._northEast.lat", Double.NaN),
                options.number("bounds._northEast.lng", Double.NaN)));
        return map;
    }

    /** A bubble map's size column and legend ({@code radius} in pixels, {@code text} the value), or null. */
    private static Map<String, Object> bubble(MarkerLayer layer) {
        if (!layer.bubbles()) {
            return null;
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        for (MarkerLayer.SizeStep step : layer.sizeLegend()) {
            legend.add(Map.of("radius", step.radius(), "text", step.text()));
        }
        Map<String, Object> bubble = new LinkedHashMap<>();
        bubble.put("column", layer.sizeColumn());
        bubble.put("legend", legend);
        return bubble;
    }

    /** Each result row's index, by identity: the shape hands back the very rows it was given. */
    private static Map<Map<String, Object>, Integer> rowIndex(ResultData data) {
        Map<Map<String, Object>, Integer> index = new IdentityHashMap<>();
        List<Map<String, Object>> rows = data == null ? List.of() : data.rows();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i), i);
        }
        return index;
    }

    private static Map<String, Object> base(String kind, MapOutlines layer, List<String> notes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("layer", layer.layerName());
        map.put("outline", PublicMapController.pathOf(layer));
        map.put("projection", layer.lonLat() ? "mercator" : "plane");
        map.put("notes", notes);
        return map;
    }

    /** Saved bounds as {@code [[west, north], [east, south]]} (ECharts' bounding coordinates), or null. */
    private static List<double[]> bounds(double swLat, double swLng, double neLat, double neLng) {
        if (Double.isFinite(swLat) && Double.isFinite(swLng) && Double.isFinite(neLat) && Double.isFinite(neLng)
                && neLat > swLat && neLng > swLng) {
            return List.of(new double[] {swLng, neLat}, new double[] {neLng, swLat});
        }
        return null;
    }

    private static String hex(Rgb rgb) {
        return rgb == null ? null : rgb.hex();
    }
}
