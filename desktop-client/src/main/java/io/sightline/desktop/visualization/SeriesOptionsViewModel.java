package io.sightline.desktop.visualization;

import io.sightline.common.visualization.SeriesColors;
import io.sightline.common.visualization.map.Rgb;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The Series part of the chart editor, as Redash's Series tab: each series' own type (a combo chart: bars and a
 * line) and colour, written as {@code seriesOptions[name].type} and {@code .color} ("#rrggbb") beside the keys of a
 * series the form does not own ({@code yAxis} is the right-axis choice's, {@code zIndex}, {@code name}). A series
 * whose type or colour was never chosen gets none, so it follows the chart's type and Redash's palette.
 */
public final class SeriesOptionsViewModel {

    /** The type choice that leaves the series to the chart's type. */
    public static final String CHART_TYPE = "(chart type)";
    /** Redash's per-series types of an X/Y chart. */
    public static final List<String> TYPES = List.of(CHART_TYPE, "column", "line", "area", "scatter");

    private final ObservableMap<String, String> types = FXCollections.observableHashMap();
    private final ObservableMap<String, String> colors = FXCollections.observableHashMap();

    List<Observable> inputs() {
        return List.of(types, colors);
    }

    void load(Map<String, Object> saved) {
        types.clear();
        colors.clear();
        AxesOptionsViewModel.nested(saved.get("seriesOptions")).forEach((series, own) -> {
            Map<String, Object> options = AxesOptionsViewModel.nested(own);
            if (options.get("type") instanceof String type && TYPES.contains(type)) {
                types.put(series, type);
            }
            if (options.get("color") instanceof String color) {
                colors.put(series, color);
            }
        });
    }

    /** Sets the chosen types and colours in {@code all} ({@code seriesOptions}, the other keys already in it). */
    void write(Map<String, Object> all) {
        Set<String> chosen = new LinkedHashSet<>(types.keySet());
        chosen.addAll(colors.keySet());
        for (String series : chosen) {
            Map<String, Object> own = new LinkedHashMap<>(AxesOptionsViewModel.nested(all.get(series)));
            String type = types.get(series);
            if (type == null || CHART_TYPE.equals(type)) {
                own.remove("type");
            } else {
                own.put("type", type);
            }
            if (colors.get(series) != null) {
                own.put("color", colors.get(series));
            }
            if (!own.isEmpty() || all.containsKey(series)) {
                all.put(series, own);
            }
        }
    }

    /**
     * What the drawing will not show of the types chosen, or null: the desktop draws any mix of types and axes as a
     * combo chart, but with swapped axes (one value axis, as in Redash) every series is drawn as the chart's type.
     */
    String note(List<String> series, String chartType, boolean swapped) {
        boolean own = series.stream().anyMatch(name -> !CHART_TYPE.equals(typeOf(name))
                && !typeOf(name).equals(chartType));
        return own && swapped ? "Series of another type than the chart's are drawn as the chart's type when the axes"
                + " are swapped; they are saved as chosen." : null;
    }

    /** The type chosen for the series, or {@link #CHART_TYPE}. */
    public String typeOf(String series) {
        return types.getOrDefault(series, CHART_TYPE);
    }

    public void chooseType(String series, String type) {
        types.put(series, type);
    }

    /** The colour the series is drawn in: its own, else Redash's palette colour of its place. */
    public String colorOf(String series, int place) {
        Rgb own = colors.get(series) == null ? null : Rgb.parse(colors.get(series));
        return own != null ? own.hex() : SeriesColors.PALETTE.get(place % SeriesColors.PALETTE.size());
    }

    /** Gives the series its own colour, {@code #rrggbb}. */
    public void chooseColor(String series, String color) {
        colors.put(series, color);
    }
}
