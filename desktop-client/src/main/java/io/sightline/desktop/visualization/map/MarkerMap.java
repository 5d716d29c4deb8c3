package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.MarkerLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A {@code MAP} of markers: each row at its {@code latColName}/{@code lonColName} over the bundled country outlines
 * (Redash's tile layer is never fetched), placed and coloured by {@link MarkerLayer} as the shared web page's are.
 * With {@code classify}, markers are circles in their group's colour
 * ({@code groups.<value>.color}, else d3's category10 as Redash); without, pins in the marker colours. With
 * {@code clusterMarkers}, dense points merge per zoom level ({@link GridClusterer}); a click on a cluster zooms in.
 * Past {@link #DOTS_ABOVE} unclustered markers they are drawn as small dots. Rows whose coordinates are missing or
 * not numbers are left out and counted on the map. With Sightline's {@code sightline.bubble} the markers are
 * {@link Bubbles}, never clustered, with a legend of sizes.
 */
public final class MarkerMap {

    /** Leaflet's default marker blue. */
    static final Color PIN = ChoroplethMap.fx(MarkerLayer.PIN);
    static final double PIN_HEIGHT = 24;
    static final double CIRCLE_RADIUS = 6;
    /**
     * Past this many markers on one level (clustering off, or the closest zoom), they are drawn as 4 px dots, once
     * per pixel and colour ({@link DotGrid}).
     */
    static final int DOTS_ABOVE = 5_000;
    private static final Font CLUSTER_FONT = Font.font("System", FontWeight.BOLD, 11);

    private MarkerMap() {
    }

    public static MapView render(MapOptions options, ResultData result) {
        return render(options, result, MapTheme.LIGHT);
    }

    public static MapView render(MapOptions options, ResultData result, MapTheme theme) {
        MarkerLayer layer = MarkerLayer.of(options, result);
        List<MarkerLayer.Marker> markers = layer.markers();
        String classify = options.classify();
        final int count = markers.size();
        double[] px = new double[count];
        double[] py = new double[count];
        int[] pg = new int[count];
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < count; i++) {
            MarkerLayer.Marker m = markers.get(i);
            px[i] = Mercator.x(m.lon());
            py[i] = Mercator.y(m.lat());
            pg[i] = m.group();
            box[0] = Math.min(box[0], px[i]);
            box[1] = Math.min(box[1], py[i]);
            box[2] = Math.max(box[2], px[i]);
            box[3] = Math.max(box[3], py[i]);
        }
        List<String> groupNames = layer.groups();
        Color[] colors = layer.groupColors().stream().map(ChoroplethMap::fx).toArray(Color[]::new);

        MapView view = new MapView(theme, extent(options, box, count));
        layer.problems().forEach(view::report);
        MapShapes.Layer base = MapShapes.countries();
        GridClusterer clusterer = new GridClusterer(px, py, pg);
        boolean bubbles = layer.bubbles();
        boolean cluster = options.clusterMarkers() && !bubbles;
        double[] radii = new double[count];
        for (int i = 0; i < count && bubbles; i++) {
            radii[i] = layer.radius(markers.get(i));
        }
        Color pinFill = ChoroplethMap.fx(layer.pinFill());
        Color pinBorder = layer.pinBorder() != null ? ChoroplethMap.fx(layer.pinBorder()) : pinFill.darker();
        Color pinDot = ChoroplethMap.fx(layer.pinDot());
        List<double[]> drawn = new ArrayList<>(); // screen x, y, radius, cluster index
        DotGrid dotGrid = new DotGrid();
        List<GridClusterer.Cluster> shown = new ArrayList<>();
        view.setPainter((g, v) -> {
            for (MapShapes.Region region : base.regions()) {
                v.drawRegion(g, region, theme.land, theme.landBorders, 0.6);
            }
            drawn.clear();
            shown.clear();
            List<GridClusterer.Cluster> clusters = clusterer.clusters(cluster ? GridClusterer.level(v.scale())
                    : GridClusterer.MAX_LEVEL);
            double[] area = v.drawnArea();
            boolean dots = !bubbles && clusters.size() > DOTS_ABOVE; // unclustered and dense: 4 px dots, not pins
            DotGrid grid = dots && colors.length <= DotGrid.MAX_GROUPS ? dotGrid.reset(area) : null;
            double scale = v.scale();
            javafx.geometry.Point2D origin = v.toScreen(0, 0);
            double ox = origin.getX(), oy = origin.getY();
            Color lastFill = null;
            // the clusters' count text: set once a frame, not once a cluster (each set is a canvas command)
            g.setFont(CLUSTER_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (GridClusterer.Cluster c : clusters) {
                double sx = c.x() * scale + ox, sy = c.y() * scale + oy;
                double margin = bubbles ? radii[c.first()] : 30;
                if (sx < area[0] - margin || sy < area[1] - margin || sx > area[2] + margin
                        || sy > area[3] + PIN_HEIGHT + margin) {
                    continue;
                }
                if (dots && c.count() == 1) {
                    // a dot on the very pixel of the last dot there, in its colour, would change (next to) nothing
                    long x = Math.round(sx), y = Math.round(sy);
                    if (grid != null && grid.covered(x, y, c.group())) {
                        continue;
                    }
                    Color fill = classify != null ? colors[c.group()] : pinFill;
                    if (fill != lastFill) {
                        g.setFill(fill);
                        lastFill = fill;
                    }
                    g.fillRect(x - 2, y - 2, 4, 4);
                    drawn.add(new double[] {sx, sy, 3, shown.size()});
                    shown.add(c);
                    continue;
                }
                lastFill = null;
                Color color = colors[c.group()];
                if (bubbles) {
                    if (radii[c.first()] <= 0) {
                        continue;
                    }
                    Bubbles.draw(g, sx, sy, radii[c.first()], classify != null ? color : pinFill);
                    drawn.add(new double[] {sx, sy, Math.max(3, radii[c.first()]), shown.size()});
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
        view.setHover((wx, wy, sx, sy) -> {
            GridClusterer.Cluster c = hit(drawn, shown, sx, sy);
            if (c == null) {
                return null;
            }
            if (c.count() > 1) {
                return c.count() + " points" + (classify == null ? "" : " (" + classify + ": " + groupNames.get(c.group()) + ")");
            }
            return layer.tooltip(markers.get(c.first()));
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
            return layer.popup(markers.get(c.first()));
        });
        view.setRowAt((wx, wy, sx, sy) -> {
            GridClusterer.Cluster c = hit(drawn, shown, sx, sy);
            return c == null || c.count() > 1 ? null : result.rows().get(markers.get(c.first()).row());
        });
        VBox legend = classify != null && !groupNames.isEmpty() ? legend(groupNames, colors, theme) : null;
        if (bubbles && !layer.sizeLegend().isEmpty()) {
            VBox sizes = Bubbles.legend(layer.sizeColumn(), layer.sizeLegend(), classify != null ? Color.GRAY : pinFill,
                    theme);
            if (legend == null) {
                legend = legend(List.of(), colors, theme);
            }
            legend.getChildren().add(sizes);
        }
        if (legend != null) {
            view.setLegend(legend, "bottom-left");
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

    private static void drawCluster(MapPen g, double x, double y, double radius, int count, Color color) {
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.4));
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        double inner = radius - 5;
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.85));
        g.fillOval(x - inner, y - inner, 2 * inner, 2 * inner);
        g.setFill(color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE);
        g.fillText(count >= 10_000 ? (count / 1000) + "k" : String.valueOf(count), x, y);
    }

    /** A pin whose tip is at (x, y). */
    private static void drawPin(MapPen g, double x, double y, Color fill, Color border, Color dot) {
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
