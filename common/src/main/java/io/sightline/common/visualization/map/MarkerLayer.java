package io.sightline.common.visualization.map;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A marker {@code MAP}'s points, by the rules both the desktop and the shared page follow: each row at its
 * {@code latColName}/{@code lonColName} (rows without valid coordinates left out and counted), grouped by
 * {@code classify} with each group's colour ({@code groups.<value>.color}, else d3's category10 as Redash), and
 * the pin colours. Projection, clustering and drawing are the renderer's.
 *
 * <p>With Sightline's {@code sightline.bubble.sizeColumn} the markers are bubbles: circles whose area follows the
 * column (radius = {@code maxRadius} × √(value / largest value)), listed largest first so that a small bubble is
 * drawn over a large one. Rows whose size is empty, negative or not a number draw no bubble and are counted in a
 * note; a size column the result lacks or whose type is not numeric is a note too, and plain markers are drawn.
 *
 * @param groups the groups' names in the order they first appear ({@code All} without {@code classify})
 * @param groupColors the colour of each group, as {@code groups}
 */
public record MarkerLayer(List<Marker> markers, List<String> groups, List<Rgb> groupColors, boolean classified,
                          List<String> problems, MapOptions options, String sizeColumn, double maxSize) {

    /** d3's category10, which Redash's map takes group colours from. */
    public static final List<Rgb> CATEGORY10 = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf").stream().map(Rgb::of).toList();
    /** Leaflet's default marker blue. */
    public static final Rgb PIN = Rgb.of("#2a81cb");

    /** One marker: where, which result row, the index of its group, and its size (NaN unless a bubble). */
    public record Marker(double lat, double lon, int row, int group, Map<String, Object> values, double size) {}

    /** How bubble values are written in tooltips and the size legend. */
    static final String SIZE_FORMAT = "0,0[.]00";

    public static MarkerLayer of(MapOptions options, ResultData result) {
        String lat = options.latColName();
        String lon = options.lonColName();
        String classify = options.classify();
        List<Map<String, Object>> rows = result == null ? List.of() : result.rows();
        List<String> problems = new ArrayList<>();
        String size = sizeColumn(options, result, problems);
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<Marker> markers = new ArrayList<>();
        int invalid = 0;
        int unsized = 0;
        double maxSize = 0;
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            Double y = ChoroplethShape.parseFloat(row.get(lat));
            Double x = ChoroplethShape.parseFloat(row.get(lon));
            if (y == null || x == null || Math.abs(y) > 90 || Math.abs(x) > 180) {
                invalid++;
                continue;
            }
            double value = Double.NaN;
            if (size != null) {
                Double parsed = ChoroplethShape.parseFloat(row.get(size));
                if (parsed == null || !Double.isFinite(parsed) || parsed < 0) {
                    unsized++;
                    continue;
                }
                value = parsed;
                maxSize = Math.max(maxSize, value);
            }
            String group = classify == null ? "All" : String.valueOf(row.get(classify));
            markers.add(new Marker(y, x, r, groupIndex.computeIfAbsent(group, g -> groupIndex.size()), row, value));
        }
        if (size != null) {
            markers.sort(Comparator.comparingDouble(Marker::size).reversed()); // stable: equal sizes keep row order
        }
        if (result != null && !rows.isEmpty() && (result.column(lat) == null || result.column(lon) == null)) {
            problems.add("The result has no column \"" + (result.column(lat) == null ? lat : lon) + "\".");
        } else if (invalid > 0) {
            problems.add(invalid + " of " + rows.size() + " rows have no valid " + lat + "/" + lon + " and are not shown.");
        }
        if (unsized > 0) {
            problems.add(unsized + " of " + rows.size() + " rows have no " + size
                    + " of zero or more (empty, negative or not a number) and draw no bubble.");
        }
        List<String> groups = List.copyOf(groupIndex.keySet());
        return new MarkerLayer(List.copyOf(markers), groups, groupColors(options, groups), classify != null,
                List.copyOf(problems), options, size, maxSize);
    }

    /** The column to size bubbles by, or null for markers: none saved, or one the result lacks or is not numeric. */
    private static String sizeColumn(MapOptions options, ResultData result, List<String> problems) {
        String size = options.sizeColumn();
        if (size == null || result == null || result.rows().isEmpty()) {
            return size;
        }
        ResultColumn column = result.column(size);
        if (column == null) {
            problems.add("The result has no column \"" + size + "\" to size the bubbles by; markers are drawn instead.");
            return null;
        }
        if (column.type() != null && !column.numeric()) {
            problems.add("The bubbles' size column \"" + size + "\" is not numeric (" + column.type()
                    + "); markers are drawn instead.");
            return null;
        }
        return size;
    }

    /** Whether the markers are bubbles sized by {@link #sizeColumn()}. */
    public boolean bubbles() {
        return sizeColumn != null;
    }

    /** A bubble's radius in pixels: its area is to the largest bubble's as its value to the largest value. */
    public double radius(Marker marker) {
        return radiusOf(marker.size());
    }

    private double radiusOf(double value) {
        return maxSize > 0 && value > 0 ? options.maxRadius() * Math.sqrt(value / maxSize) : 0;
    }

    /** The size legend: the largest value, then those of half and a quarter its radius, each with its radius. */
    public List<SizeStep> sizeLegend() {
        if (!bubbles() || maxSize <= 0) {
            return List.of();
        }
        List<SizeStep> steps = new ArrayList<>();
        for (double share : new double[] {1, 0.25, 0.0625}) {
            double value = maxSize * share;
            steps.add(new SizeStep(value, radiusOf(value), formatSize(value)));
        }
        return steps;
    }

    /** One circle of the size legend. */
    public record SizeStep(double value, double radius, String text) {}

    private static String formatSize(double value) {
        return NumberFormat.format(value, SIZE_FORMAT);
    }

    /** Saved {@code groups.<name>.color}, else category10 in the order Redash's JS object gives the groups. */
    static List<Rgb> groupColors(MapOptions options, List<String> names) {
        Rgb[] colors = new Rgb[names.size()];
        List<String> jsOrder = new ArrayList<>(names);
        jsOrder.sort(Comparator.comparing((String s) -> !s.matches("0|[1-9]\\d{0,8}"))
                .thenComparing((a, b) -> a.matches("0|[1-9]\\d{0,8}") && b.matches("0|[1-9]\\d{0,8}")
                        ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : 0));
        int next = 0;
        for (String name : jsOrder) {
            Object group = options.object("groups").get(name);
            Rgb color = group instanceof Map<?, ?> g && g.get("color") != null ? Rgb.parse(String.valueOf(g.get("color")))
                    : null;
            if (color == null) {
                color = CATEGORY10.get(next++ % CATEGORY10.size());
            }
            colors[names.indexOf(name)] = color;
        }
        return List.of(colors);
    }

    /** A pin's fill: {@code backgroundColor} when markers are customized, else Leaflet's blue. */
    public Rgb pinFill() {
        return customized("backgroundColor", PIN);
    }

    /** A pin's border: {@code borderColor} when markers are customized, else null (the fill, darker). */
    public Rgb pinBorder() {
        return customized("borderColor", null);
    }

    /** The dot inside a pin: {@code foregroundColor} when markers are customized, else white. */
    public Rgb pinDot() {
        return customized("foregroundColor", new Rgb(255, 255, 255));
    }

    private Rgb customized(String key, Rgb fallback) {
        Rgb saved = options.bool("customizeMarkers") ? Rgb.parse(options.string(key)) : null;
        return saved == null ? fallback : saved;
    }

    /** The hover text of a marker, or null when tooltips are off; a bubble's always ends with its value. */
    public String tooltip(Marker marker) {
        String text = options.bool("tooltip.enabled") ? text(options.string("tooltip.template"), marker.values(), false)
                : null;
        if (!bubbles()) {
            return text;
        }
        String value = sizeColumn + ": " + formatSize(marker.size());
        return text == null || text.isBlank() ? value : text + "\n" + value;
    }

    /** The click text of a marker, or null when popups are off. */
    public String popup(Marker marker) {
        return options.bool("popup.enabled") ? text(options.string("popup.template"), marker.values(), true) : null;
    }

    /** Redash's marker text: the template over the row, or without one the coordinates (popups: every column). */
    private String text(String template, Map<String, Object> row, boolean popup) {
        if (template != null && !template.isBlank()) {
            return MapTemplate.render(template, row);
        }
        String lat = options.latColName(), lon = options.lonColName();
        String head = row.get(lat) + ", " + row.get(lon);
        if (!popup) {
            return head;
        }
        return head + "\n" + row.entrySet().stream().filter(e -> !e.getKey().equals(lat) && !e.getKey().equals(lon))
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
