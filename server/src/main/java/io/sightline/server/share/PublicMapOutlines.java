package io.sightline.server.share;

import io.sightline.common.visualization.map.MapOutlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outlines {@code common} bundles for every renderer, read once per layer: their regions' properties (what a
 * choropleth's keys match, for {@link PublicMapAnswers}) and the same regions as GeoJSON for the page's
 * {@code echarts.registerMap}. Each feature carries a {@code key} (its position in the file), which the page names
 * regions by and widget answers refer to, since names repeat (two features are called Australia).
 */
@Component
class PublicMapOutlines {

    /** One layer: the properties of each region in the file's order, the matchable fields, the GeoJSON. */
    record Layer(List<Map<String, String>> regions, List<String> fields, byte[] geoJson, String etag) {}

    private final JsonMapper json;
    private final Map<MapOutlines, Layer> layers = new EnumMap<>(MapOutlines.class);

    PublicMapOutlines(JsonMapper json) {
        this.json = json;
    }

    synchronized Layer layer(MapOutlines outlines) {
        return layers.computeIfAbsent(outlines, this::load);
    }

    private Layer load(MapOutlines outlines) {
        JsonNode root;
        try (InputStream in = outlines.open()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> fields = new ArrayList<>();
        root.path("fields").forEach(f -> fields.add(f.asString()));
        List<Map<String, String>> regions = new ArrayList<>();
        List<Object> features = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            Map<String, String> properties = new LinkedHashMap<>();
            feature.path("properties").properties()
                    .forEach(e -> properties.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
            List<Object> polygons = new ArrayList<>();
            for (JsonNode polygon : feature.path("polygons")) {
                List<Object> rings = new ArrayList<>();
                for (JsonNode ring : polygon) {
                    List<double[]> points = new ArrayList<>(ring.size() / 2);
                    for (int i = 0; i + 1 < ring.size(); i += 2) {
                        points.add(new double[] {ring.get(i).asDouble(), ring.get(i + 1).asDouble()});
                    }
                    rings.add(points);
                }
                polygons.add(rings);
            }
            Map<String, Object> geoProperties = new LinkedHashMap<>(properties);
            geoProperties.put("key", String.valueOf(regions.size()));
            features.add(Map.of("type", "Feature", "properties", geoProperties,
                    "geometry", Map.of("type", "MultiPolygon", "coordinates", polygons)));
            regions.add(java.util.Collections.unmodifiableMap(properties));
        }
        byte[] geoJson = json.writeValueAsBytes(Map.of("type", "FeatureCollection", "features", features));
        return new Layer(List.copyOf(regions), List.copyOf(fields), geoJson, etag(geoJson));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
