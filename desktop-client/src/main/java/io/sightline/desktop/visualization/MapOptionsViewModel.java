package io.sightline.desktop.visualization;

import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The marker map part of the visualization editor, as Redash's map editor (General tab): the latitude and longitude
 * columns, the column that groups markers ({@code classify}, each group its colour) and whether nearby markers
 * cluster. It writes the whole options object as Redash's editor saves it: the saved options over Redash's map
 * defaults, with this form's values set. Sightline's bubbles (a size column and the largest radius) are written to
 * {@code sightline.bubble}, keeping every other key under {@code sightline} (and under {@code bubble}).
 */
public final class MapOptionsViewModel {

    private static final Set<String> LATITUDES = Set.of("lat", "latitude");
    private static final Set<String> LONGITUDES = Set.of("lon", "lng", "long", "longitude");

    private final StringProperty latitude = new SimpleStringProperty("lat");
    private final StringProperty longitude = new SimpleStringProperty("lon");
    private final StringProperty groupBy = new SimpleStringProperty();
    private final BooleanProperty cluster = new SimpleBooleanProperty(true);
    private final StringProperty sizeColumn = new SimpleStringProperty();
    private final StringProperty maxRadius = new SimpleStringProperty("");
    /** The result's columns, for telling a numeric size column from another; empty before a result. */
    private List<ResultColumn> columns = List.of();

    List<Observable> inputs() {
        return List.of(latitude, longitude, groupBy, cluster, sizeColumn, maxRadius);
    }

    /** The result's columns (their types say which can size bubbles). */
    void columns(List<ResultColumn> columns) {
        this.columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A new map: the columns named as a latitude and a longitude (lat, latitude; lon, lng, long, longitude). */
    void guess(List<String> columns) {
        columns.stream().filter(c -> LATITUDES.contains(c.toLowerCase(Locale.ROOT))).findFirst()
                .ifPresent(latitude::set);
        columns.stream().filter(c -> LONGITUDES.contains(c.toLowerCase(Locale.ROOT))).findFirst()
                .ifPresent(longitude::set);
    }

    void load(Map<String, Object> saved) {
        MapOptions options = new MapOptions(saved);
        latitude.set(options.latColName());
        longitude.set(options.lonColName());
        groupBy.set(options.classify());
        cluster.set(options.clusterMarkers());
        sizeColumn.set(options.sizeColumn());
        Object radius = options.get("sightline.bubble.maxRadius");
        maxRadius.set(radius == null ? "" : radius instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : String.valueOf(radius));
    }

    /** The options to save: {@code saved} over Redash's map defaults, with this form's values set. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new MapOptions(saved).effective());
        out.put("latColName", latitude.get());
        out.put("lonColName", longitude.get());
        out.put("classify", groupBy.get() == null || groupBy.get().isBlank() ? null : groupBy.get());
        out.put("clusterMarkers", cluster.get());
        writeBubble(saved, out);
        return out;
    }

    /** {@code sightline.bubble} set from the form, or taken out without a size column; other keys kept. */
    @SuppressWarnings("unchecked")
    private void writeBubble(Map<String, Object> saved, Map<String, Object> out) {
        Object savedSightline = saved == null ? null : saved.get("sightline");
        Map<String, Object> sightline = savedSightline instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        String column = blank(sizeColumn.get()) ? null : sizeColumn.get();
        if (column == null) {
            sightline.remove("bubble");
        } else {
            Map<String, Object> bubble = sightline.get("bubble") instanceof Map<?, ?> b
                    ? new LinkedHashMap<>((Map<String, Object>) b) : new LinkedHashMap<>();
            bubble.put("sizeColumn", column);
            Double radius = radius();
            if (radius != null) {
                bubble.put("maxRadius", radius == Math.rint(radius) ? (Object) radius.intValue() : radius);
            } else if (blank(maxRadius.get())) {
                bubble.remove("maxRadius");
            }
            sightline.put("bubble", bubble);
        }
        if (sightline.isEmpty() && !(savedSightline instanceof Map<?, ?>)) {
            out.remove("sightline");
        } else {
            out.put("sightline", sightline);
        }
    }

    /** The largest radius typed, or null when blank or not a number from 4 to 100. */
    private Double radius() {
        if (blank(maxRadius.get())) {
            return null;
        }
        try {
            double value = Double.parseDouble(maxRadius.get().strip());
            return value >= MapOptions.MIN_MAX_RADIUS && value <= MapOptions.MAX_MAX_RADIUS ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A coordinate column left unchosen, or one column for both. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        if (latitude.get() == null || latitude.get().isBlank()) {
            found.add("Choose the latitude column of the map.");
        }
        if (longitude.get() == null || longitude.get().isBlank()) {
            found.add("Choose the longitude column of the map.");
        }
        if (latitude.get() != null && latitude.get().equals(longitude.get())) {
            found.add("The latitude and the longitude are the same column (" + latitude.get() + ").");
        }
        if (!blank(sizeColumn.get())) {
            columns.stream().filter(c -> c.name().equals(sizeColumn.get()) && c.type() != null && !c.numeric())
                    .findFirst().ifPresent(c -> found.add("The bubble size column " + c.name()
                            + " is not numeric (" + c.type() + "): choose a number column."));
        }
        if (!blank(maxRadius.get()) && radius() == null) {
            found.add("The largest bubble's radius must be a number of pixels from 4 to 100, not \""
                    + maxRadius.get().strip() + "\"; it is left as it was.");
        }
        return found;
    }

    public StringProperty latitudeProperty() { return latitude; }
    public StringProperty longitudeProperty() { return longitude; }
    public StringProperty groupByProperty() { return groupBy; }
    public BooleanProperty clusterProperty() { return cluster; }
    public StringProperty sizeColumnProperty() { return sizeColumn; }
    public StringProperty maxRadiusProperty() { return maxRadius; }
}
