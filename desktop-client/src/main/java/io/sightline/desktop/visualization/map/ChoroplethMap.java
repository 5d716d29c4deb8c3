package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.ChoroplethShape;
import io.sightline.common.visualization.map.ColorScale;
import io.sightline.common.visualization.map.Rgb;
import java.util.List;
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
 * Redash does ({@link ChoroplethShape}, which the shared web page's colours come from too), with a legend, tooltips
 * from the template, pan and zoom.
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
        List<MapShapes.Region> regions = layer.regions();
        ChoroplethShape shape = ChoroplethShape.of(options, result,
                regions.stream().map(MapShapes.Region::properties).toList(), layer.fields());
        shape.problems().forEach(view::report);
        Color noValue = shape.noValue() != null ? fx(shape.noValue()) : theme.noValue;
        Color borders = shape.borders() != null ? fx(shape.borders()) : theme.borders;
        if (shape.background() != null) {
            view.setBackgroundColor(fx(shape.background()));
        }
        Color[] fills = new Color[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            Rgb fill = shape.regions().get(i).color();
            fills[i] = fill == null ? noValue : fx(fill);
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
        view.setHover((wx, wy, sx, sy) -> {
            hovered[0] = Double.isNaN(wx) ? -1 : regionAt(regions, wx, wy);
            return hovered[0] < 0 ? null : shape.tooltip(shape.regions().get(hovered[0]));
        });
        view.setClick((wx, wy, sx, sy) -> {
            int i = regionAt(regions, wx, wy);
            return i < 0 ? null : shape.popup(shape.regions().get(i));
        });
        view.setRowAt((wx, wy, sx, sy) -> {
            int i = regionAt(regions, wx, wy);
            return i < 0 ? null : shape.regions().get(i).row();
        });
        if (options.bool("legend.visible") && !shape.scale().legend().isEmpty()) {
            view.setLegend(legend(shape, options.string("legend.alignText"), theme), options.string("legend.position"));
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

    private static VBox legend(ChoroplethShape shape, String align, MapTheme theme) {
        VBox box = new VBox(3);
        box.getStyleClass().add("sightline-map-legend");
        box.setPadding(new Insets(6, 8, 6, 8));
        box.setBackground(new Background(new BackgroundFill(theme.panel, new CornerRadii(4), Insets.EMPTY)));
        for (ColorScale.Step step : shape.scale().legend()) {
            Rectangle swatch = new Rectangle(14, 14, fx(step.color()));
            swatch.setStroke(theme.landBorders);
            Label text = new Label(shape.text(step.limit()));
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

    /** A colour the shape computed, for JavaFX. */
    static Color fx(Rgb rgb) {
        return Color.rgb(rgb.red(), rgb.green(), rgb.blue());
    }
}
