package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.map.MapOutlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The outlines bundled in {@code common} ({@link MapOutlines}: the server's shared page draws the same files), read
 * once and kept: world countries projected to {@link Mercator}'s plane, US states on us-atlas's Albers USA plane (975 × 610).
 */
public final class MapShapes {

    /** One region: its properties (Redash's target fields) and its rings, already projected, as x0, y0, x1, y1… */
    public record Region(Map<String, String> properties, List<double[]> rings, double minX, double minY,
                         double maxX, double maxY) {

        public String property(String field) {
            return field == null ? null : properties.get(field);
        }

        /** Even-odd point-in-polygon over every ring (holes included). */
        public boolean contains(double x, double y) {
            if (x < minX || x > maxX || y < minY || y > maxY) {
                return false;
            }
            boolean inside = false;
            for (double[] ring : rings) {
                int n = ring.length / 2;
                for (int i = 0, j = n - 1; i < n; j = i++) {
                    double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
                    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    /** A set of regions on one plane, with the fields that can be matched and the extent to fit at first. */
    public record Layer(String name, List<String> fields, List<Region> regions, double[] extent) {}

    private static volatile Layer countries;
    private static volatile Layer usStates;

    private MapShapes() {
    }

    /** World countries (Natural Earth 1:50m, thinned) on the Mercator plane; first view without Antarctica. */
    public static Layer countries() {
        if (countries == null) {
            synchronized (MapShapes.class) {
                if (countries == null) {
                    countries = load(MapOutlines.COUNTRIES, "countries",
                            new double[] {Mercator.x(-180), Mercator.y(84), Mercator.x(180), Mercator.y(-58)});
                }
            }
        }
        return countries;
    }

    /** US states on the Albers USA composite plane, Alaska and Hawaii as insets. */
    public static Layer usStates() {
        if (usStates == null) {
            synchronized (MapShapes.class) {
                if (usStates == null) {
                    usStates = load(MapOutlines.USA, "usa", null);
                }
            }
        }
        return usStates;
    }

    /** The layer of a choropleth's {@code mapType}: {@code usa} is the states, anything else the countries. */
    public static Layer forMapType(String mapType) {
        return "usa".equals(mapType) ? usStates() : countries();
    }

    private static Layer load(MapOutlines outlines, String name, double[] firstView) {
        boolean lonLat = outlines.lonLat();
        try (InputStream in = outlines.open()) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> fields = new ArrayList<>();
            root.path("fields").forEach(f -> fields.add(f.asString()));
            List<Region> regions = new ArrayList<>();
            double[] all = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (JsonNode feature : root.path("features")) {
                Map<String, String> properties = new LinkedHashMap<>();
                feature.path("properties").properties()
                        .forEach(e -> properties.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
                List<double[]> rings = new ArrayList<>();
                double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (JsonNode polygon : feature.path("polygons")) {
                    for (JsonNode ring : polygon) {
                        double[] points = new double[ring.size()];
                        for (int i = 0; i + 1 < points.length; i += 2) {
                            double x = ring.get(i).asDouble(), y = ring.get(i + 1).asDouble();
                            points[i] = lonLat ? Mercator.x(x) : x;
                            points[i + 1] = lonLat ? Mercator.y(y) : y;
                            box[0] = Math.min(box[0], points[i]);
                            box[1] = Math.min(box[1], points[i + 1]);
                            box[2] = Math.max(box[2], points[i]);
                            box[3] = Math.max(box[3], points[i + 1]);
                        }
                        rings.add(points);
                    }
                }
                if (!rings.isEmpty()) {
                    regions.add(new Region(Collections.unmodifiableMap(properties), List.copyOf(rings),
                            box[0], box[1], box[2], box[3]));
                    all[0] = Math.min(all[0], box[0]);
                    all[1] = Math.min(all[1], box[1]);
                    all[2] = Math.max(all[2], box[2]);
                    all[3] = Math.max(all[3], box[3]);
                }
            }
            return new Layer(name, List.copyOf(fields), List.copyOf(regions), firstView != null ? firstView : all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
