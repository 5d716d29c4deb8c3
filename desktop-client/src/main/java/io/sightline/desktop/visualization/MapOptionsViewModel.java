package io.sightline.desktop.visualization;

import io.sightline.common.visualization.MapOptions;
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
 * defaults, with this form's values set.
 */
public final class MapOptionsViewModel {

    private static final Set<String> LATITUDES = Set.of("lat", "latitude");
    private static final Set<String> LONGITUDES = Set.of("lon", "lng", "long", "longitude");

    private final StringProperty latitude = new SimpleStringProperty("lat");
    private final StringProperty longitude = new SimpleStringProperty("lon");
    private final StringProperty groupBy = new SimpleStringProperty();
    private final BooleanProperty cluster = new SimpleBooleanProperty(true);

    List<Observable> inputs() {
        return List.of(latitude, longitude, groupBy, cluster);
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
    }

    /** The options to save: {@code saved} over Redash's map defaults, with this form's values set. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new MapOptions(saved).effective());
        out.put("latColName", latitude.get());
        out.put("lonColName", longitude.get());
        out.put("classify", groupBy.get() == null || groupBy.get().isBlank() ? null : groupBy.get());
        out.put("clusterMarkers", cluster.get());
        return out;
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
        return found;
    }

    public StringProperty latitudeProperty() { return latitude; }
    public StringProperty longitudeProperty() { return longitude; }
    public StringProperty groupByProperty() { return groupBy; }
    public BooleanProperty clusterProperty() { return cluster; }
}
