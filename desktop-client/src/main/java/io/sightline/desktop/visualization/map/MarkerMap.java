package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A {@code MAP} of markers: each row at its {@code latColName}/{@code lonColName} over the bundled country outlines
 * (Redash's tile layer is never fetched). With {@code classify}, markers are circles in their group's colour
 * ({@code groups.<value>.color}, else d3's category10 as Redash); without, pins in the marker colours. With
 * {@code clusterMarkers}, dense points merge per zoom level ({@link GridClusterer}); a click on a cluster zooms in.
 * Past {@link #DOTS_ABOVE} unclustered markers they are drawn as small dots. Rows whose coordinates are missing or
 * not numbers are left out and counted on the map.
 */
public final class MarkerMap {

    /** d3's category10, which Redash's map takes group colours from. */
    static final List<Color> CATEGORY10 = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf").stream().map(Color::web).toList();
    /** Leaflet's default marker blue. */
    static final Color PIN = Color.web("#2a81cb");
    static final double PIN_HEIGHT = 24;
    static final double CIRCLE_RADIUS = 6;
    /** Past this many markers on one level (clustering off, or the closest zoom), they are drawn as 4 px dots. */
    static final int DOTS_ABOVE = 5_000;

    private MarkerMap() {
    }

    public static MapView render(MapOptions options, ResultData result) {
        return render(options, result, MapTheme.LIGHT);
    }

    public static MapView render(MapOptions options, ResultData result, MapTheme theme) {
        String latColumn = options.latColName();
        String lonColumn = options.lonColName();
        String classify = options.classify();
        List<Map<String, Object>> rows = result == null ? List.of() : result.rows();
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        int[] groupOf = new int[rows.size()];
        int[] rowOf = new int[rows.size()];
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        int n = 0;
        int invalid = 0;
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            Double lat = ChoroplethMap.number(row.get(latColumn));
            Double lon = ChoroplethMap.number(row.get(lonColumn));
            if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                invalid++;
                continue;
            }
            String group = classify == null ? "All" : String.valueOf(row.get(classify));
            xs[n] = Mercator.x(lon);
            ys[n] = Mercator.y(lat);
            groupOf[n] = groupIndex.computeIfAbsent(group, g -> groupIndex.size());
            rowOf[n] = r;
            box[0] = Math.min(box[0], xs[n]);
            box[1] = Math.min(box[1], ys[n]);
            box[2] = Math.max(box[2], xs[n]);
            box[3] = Math.max(box[3], ys[n]);
            n++;
        }
        final int count = n;
        double[] px = java.util.Arrays.copyOf(xs, count);
        double[] py = java.util.Arrays.copyOf(ys, count);
        int[] pg = java.util.Arrays.copyOf(groupOf, count);
        List<String> groupNames = new ArrayList<>(groupIndex.keySet());
        Color[] colors = groupColors(options, groupNames, classify != null);

        MapView view = new MapView(theme, extent(options, box, count));
        if (result != null && !rows.isEmpty() && (result.column(latColumn) == null || result.column(lonColumn) == null)) {
            view.report("The result has no column \"" + (result.column(latColumn) == null ? latColumn : lonColumn) + "\".");
        } else if (invalid > 0) {
            view.report(invalid + " of " + rows.size() + " rows have no valid " + latColumn + "/" + lonColumn
                    + " and are not shown.");
        }
        MapShapes.Layer base = MapShapes.countries();
        GridClusterer clusterer = new GridClusterer(px, py, pg);
        boolean cluster = options.clusterMarkers();
        boolean customize = options.bool("customizeMarkers");
        Color pinFill = customize ? ChoroplethMap.color(options.string("backgroundColor"), PIN) : PIN;
        Color pinBorder = customize ? ChoroplethMap.color(options.string("borderColor"), PIN) : PIN.darker();
        Color pinDot = customize ? ChoroplethMap.color(options.string("foregroundColor"), Color.WHITE) : Color.WHITE;
        List<double[]> drawn = new ArrayList<>(); // screen x, y, radius, cluster index
        List<GridClusterer.Cluster> shown = new ArrayList<>();
        view.setPainter((g, v) -> {
            for (MapShapes.Region region : base.regions()) {
                v.drawRegion(g, region, theme.land, theme.landBorders, 0.6);
            }
            drawn.clear();
            shown.clear();
            List<GridClusterer.Cluster> clusters = clusterer.clusters(cluster ? GridClusterer.level(v.scale())
                    : GridClusterer.MAX_LEVEL);
            double w = v.getWidth(), h = v.getHeight();
            boolean dots = clusters.size() > DOTS_ABOVE; // unclustered and dense: 4 px dots instead of pins
            for (GridClusterer.Cluster c : clusters) {
                javafx.geometry.Point2D s = v.toScreen(c.x(), c.y());
                double sx = s.getX(), sy = s.getY();
                if (sx < -30 || sy < -30 || sx > w + 30 || sy > h + PIN_HEIGHT + 30) {
                    continue;
                }
                Color color = colors[c.group()];
                if (dots && c.count() == 1) {
                    g.setFill(classify != null ? color : pinFill);
                    g.fillRect(sx - 2, sy - 2, 4, 4);
                    drawn.add(new double[] {sx, sy, 3, shown.size()});
                } else if (c.count() > 1) {
                    double radius = 14 + 4 * Math.log10(c.count());
                    drawCluster(g, sx, sy, radius, c.count(), color);
                    drawn.add(new double[] {sx, sy, radius, shown.size()});
                } else if (classify != null) {
                    g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.9));
                    g.fillOval(sx - CIRCLE_RADIUS, sy - CIRCLE_RADIUS, 2 * CIRCLE_RADIUS, 2 * CIRCLE_RADIUS);
                    drawn.add(new double[] {sx, sy, CIRCLE_RADIUS + 2, shown.size()});
                } else {
                    drawPin(g, sx, sy, pinFill, pinBorder, pinDot);
                    drawn.add(new double[] {sx, sy - PIN_HEIGHT * 0.6, PIN_HEIGHT * 0.45, shown.size()});
                }
                shown.add(c);
            }
        });
        boolean tooltips = options.bool("tooltip.enabled");
        String tooltipTemplate = options.string("tooltip.template");
        boolean popups = options.bool("popup.enabled");
        String popupTemplate = options.string("popup.template");
        view.setHover((wx, wy, sx, sy) -> {
            GridClusterer.Cluster c = hit(drawn, shown, sx, sy);
            if (c == null) {
                return null;
            }
            if (c.count() > 1) {
                return c.count() + " points" + (classify == null ? "" : " (" + classify + ": " + groupNames.get(c.group()) + ")");
            }
            return tooltips ? text(tooltipTemplate, rows.get(rowOf[c.first()]), latColumn, lonColumn, false) : null;
        });
        view.setClick((wx, wy, sx, sy) -> {
            GridClusterer.Cluster c = hit(drawn, shown, sx, sy);
            if (c == null) {
                return null;
            }
            if (c.count() > 1) {
                view.zoomAt(sx, sy, 2);
                return null;
            }
            return popups ? text(popupTemplate, rows.get(rowOf[c.first()]), latColumn, lonColumn, true) : null;
        });
        if (classify != null && !groupNames.isEmpty()) {
            view.setLegend(legend(groupNames, colors, theme), "bottom-left");
        }
        return view;
    }

    /** The marker or cluster drawn last under a screen point. */
    private static GridClusterer.Cluster hit(List<double[]> drawn, List<GridClusterer.Cluster> shown, double x, double y) {
        for (int i = drawn.size() - 1; i >= 0 && !Double.isNaN(x); i--) {
            double[] d = drawn.get(i);
            if (Math.hypot(d[0] - x, d[1] - y) <= d[2]) {
                return shown.get((int) d[3]);
            }
        }
        return null;
    }

    /** Redash's marker text: the template over the row, or without one the coordinates (popups: every column). */
    private static String text(String template, Map<String, Object> row, String lat, String lon, boolean popup) {
        if (template != null && !template.isBlank()) {
            return MapTemplate.render(template, row);
        }
        String head = row.get(lat) + ", " + row.get(lon);
        if (!popup) {
            return head;
        }
        return head + "\n" + row.entrySet().stream().filter(e -> !e.getKey().equals(lat) && !e.getKey().equals(lon))
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    /** Saved {@code groups.<name>.color}, else category10 in the order Redash's JS object gives the groups. */
    static Color[] groupColors(MapOptions options, List<String> names, boolean classified) {
        Color[] colors = new Color[names.size()];
        List<String> jsOrder = new ArrayList<>(names);
        jsOrder.sort(Comparator.comparing((String s) -> !s.matches("0|[1-9]\\d{0,8}"))
                .thenComparing((a, b) -> a.matches("0|[1-9]\\d{0,8}") && b.matches("0|[1-9]\\d{0,8}")
                        ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : 0));
        int next = 0;
        for (String name : jsOrder) {
            Object group = options.object("groups").get(name);
            String saved = group instanceof Map<?, ?> g && g.get("color") != null ? String.valueOf(g.get("color")) : null;
            Color color = saved == null ? null : ChoroplethMap.color(saved, null);
            if (color == null) {
                color = CATEGORY10.get(next++ % CATEGORY10.size());
            }
            colors[names.indexOf(name)] = color;
        }
        return colors;
    }

    /** Saved bounds ({@code _southWest}/{@code _northEast}), else the points' extent, else the world. */
    private static double[] extent(MapOptions options, double[] box, int count) {
        double swLat = options.number("bounds._southWest.lat", Double.NaN);
        double swLng = options.number("bounds._southWest.lng", Double.NaN);
        double neLat = options.number("bounds._northEast.lat", Double.NaN);
        double neLng = options.number("bounds._northEast.lng", Double.NaN);
        if (Double.isFinite(swLat) && Double.isFinite(swLng) && Double.isFinite(neLat) && Double.isFinite(neLng)
                && neLat > swLat && neLng > swLng) {
            return new double[] {Mercator.x(swLng), Mercator.y(neLat), Mercator.x(neLng), Mercator.y(swLat)};
        }
        if (count == 0) {
            return MapShapes.countries().extent();
        }
        double pad = Math.max(2, Math.max(box[2] - box[0], box[3] - box[1]) * 0.1);
        return new double[] {box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad};
    }

    private static void drawCluster(GraphicsContext g, double x, double y, double radius, int count, Color color) {
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.4));
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        double inner = radius - 5;
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.85));
        g.fillOval(x - inner, y - inner, 2 * inner, 2 * inner);
        g.setFill(color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE);
        g.setFont(Font.font("System", FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(count >= 10_000 ? (count / 1000) + "k" : String.valueOf(count), x, y);
    }

    /** A pin whose tip is at (x, y). */
    private static void drawPin(GraphicsContext g, double x, double y, Color fill, Color border, Color dot) {
        double r = PIN_HEIGHT * 0.32;
        double cy = y - PIN_HEIGHT + r;
        g.beginPath();
        g.moveTo(x, y);
        g.lineTo(x - r * 0.87, cy + r * 0.5);
        g.arc(x, cy, r, r, 210, -240);
        g.lineTo(x, y);
        g.closePath();
        g.setFill(fill);
        g.fill();
        g.setStroke(border);
        g.setLineWidth(1);
        g.stroke();
        g.setFill(dot);
        g.fillOval(x - r * 0.4, cy - r * 0.4, r * 0.8, r * 0.8);
    }

    private static VBox legend(List<String> names, Color[] colors, MapTheme theme) {
        VBox box = new VBox(3);
        box.getStyleClass().add("sightline-map-legend");
        box.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        box.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(theme.panel,
                new javafx.scene.layout.CornerRadii(4), javafx.geometry.Insets.EMPTY)));
        for (int i = 0; i < Math.min(names.size(), 12); i++) {
            javafx.scene.control.Label label = new javafx.scene.control.Label(names.get(i));
            label.setTextFill(theme.text);
            label.setStyle("-fx-font-size: 12px;");
            HBox row = new HBox(6, new Circle(6, colors[i]), label);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        if (names.size() > 12) {
            javafx.scene.control.Label more = new javafx.scene.control.Label("+ " + (names.size() - 12) + " more");
            more.setTextFill(theme.text);
            box.getChildren().add(more);
        }
        return box;
    }
}
