package io.sightline.desktop.visualization;

import io.sightline.common.visualization.ChoroplethOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The choropleth part of the visualization editor, as Redash's choropleth editor (General, Colors and Format tabs):
 * the map (world countries or US states), the column whose values name the regions and the field of the map they
 * are matched against, the value column, how values are classed and into how many steps, the two end colours, the
 * value format and the legend. It writes the whole options object as Redash's editor saves it: the saved options
 * over Redash's choropleth defaults, with this form's values set.
 */
public final class ChoroplethOptionsViewModel {

    /** The bundled maps, as Redash's {@code mapType}. */
    public static final List<String> MAPS = List.of("countries", "usa");
    /** Redash's clustering modes: equidistant, quantile, k-means. */
    public static final List<String> CLUSTERING = List.of("e", "q", "k");
    /** Any field of the map: the renderer finds the one the keys match. */
    public static final String ANY_FIELD = "(any that matches)";

    private static final Map<String, List<String>> FIELDS = Map.of(
            "countries", List.of("name", "name_long", "abbrev", "iso_a2", "iso_a3", "iso_n3"),
            "usa", List.of("name", "ns_code", "geoid", "usps_abbrev", "fips_code"));

    private final StringProperty map = new SimpleStringProperty("countries");
    private final StringProperty keyColumn = new SimpleStringProperty();
    private final StringProperty targetField = new SimpleStringProperty(ANY_FIELD);
    private final StringProperty valueColumn = new SimpleStringProperty();
    private final StringProperty clustering = new SimpleStringProperty("e");
    private final StringProperty steps = new SimpleStringProperty("5");
    private final StringProperty minColor = new SimpleStringProperty("#799CFF");
    private final StringProperty maxColor = new SimpleStringProperty("#002FB4");
    private final StringProperty valueFormat = new SimpleStringProperty("0,0.00");
    private final BooleanProperty legend = new SimpleBooleanProperty(true);
    private final ObservableList<String> fields = FXCollections.observableArrayList();

    public ChoroplethOptionsViewModel() {
        map.addListener((obs, old, now) -> followMap());
        followMap();
    }

    List<Observable> inputs() {
        return List.of(map, keyColumn, targetField, valueColumn, clustering, steps, minColor, maxColor, valueFormat,
                legend);
    }

    /** A new choropleth: the first text column names the regions, the first numeric one gives their values. */
    void guess(String firstText, String firstNumeric) {
        keyColumn.set(firstText);
        valueColumn.set(firstNumeric);
    }

    void load(Map<String, Object> saved) {
        ChoroplethOptions options = new ChoroplethOptions(saved);
        map.set(MAPS.contains(options.mapType()) ? options.mapType() : "countries");
        keyColumn.set(options.keyColumn());
        targetField.set(options.targetField() == null ? ANY_FIELD : options.targetField());
        valueColumn.set(options.valueColumn());
        clustering.set(options.string("clusteringMode"));
        steps.set(String.valueOf(options.steps()));
        minColor.set(options.string("colors.min"));
        maxColor.set(options.string("colors.max"));
        valueFormat.set(options.string("valueFormat"));
        legend.set(options.bool("legend.visible"));
    }

    /** The options to save: {@code saved} over Redash's choropleth defaults, with this form's values set. */
    @SuppressWarnings("unchecked")
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new ChoroplethOptions(saved).effective());
        out.remove("countryCodeColumn"); // Redash's older names, read as keyColumn / targetField
        out.remove("countryCodeType");
        out.put("mapType", map.get());
        out.put("keyColumn", keyColumn.get());
        out.put("targetField", ANY_FIELD.equals(targetField.get()) ? null : targetField.get());
        out.put("valueColumn", valueColumn.get());
        out.put("clusteringMode", clustering.get());
        Integer parsed = parsedSteps();
        out.put("steps", parsed == null ? 5 : parsed);
        Map<String, Object> colors = new LinkedHashMap<>((Map<String, Object>) out.get("colors"));
        colors.put("min", minColor.get());
        colors.put("max", maxColor.get());
        out.put("colors", colors);
        out.put("valueFormat", valueFormat.get());
        Map<String, Object> legendOptions = new LinkedHashMap<>((Map<String, Object>) out.get("legend"));
        legendOptions.put("visible", legend.get());
        out.put("legend", legendOptions);
        return out;
    }

    /** A column left unchosen, steps that are not a whole number from 3 to 11, a colour that is not #rrggbb. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        if (keyColumn.get() == null || keyColumn.get().isBlank()) {
            found.add("Choose the column whose values name the " + ("usa".equals(map.get()) ? "states." : "countries."));
        }
        if (valueColumn.get() == null || valueColumn.get().isBlank()) {
            found.add("Choose the value column of the map.");
        }
        if (parsedSteps() == null) {
            found.add("Steps must be a whole number from 3 to 11, not \"" + steps.get() + "\".");
        }
        for (StringProperty color : List.of(minColor, maxColor)) {
            if (color.get() == null || !color.get().matches("#[0-9a-fA-F]{6}")) {
                found.add("The " + (color == minColor ? "min" : "max") + " colour must be #rrggbb, not \""
                        + color.get() + "\".");
            }
        }
        return found;
    }

    private Integer parsedSteps() {
        try {
            int n = Integer.parseInt(steps.get() == null ? "" : steps.get().strip());
            return n >= 3 && n <= 11 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The fields a key may be matched by follow the map; a field the new map lacks becomes "any". */
    private void followMap() {
        List<String> now = new ArrayList<>();
        now.add(ANY_FIELD);
        now.addAll(FIELDS.getOrDefault(map.get(), FIELDS.get("countries")));
        fields.setAll(now);
        if (targetField.get() != null && !now.contains(targetField.get())) {
            targetField.set(ANY_FIELD);
        }
    }

    /** The fields of the chosen map a key may be matched by, and {@link #ANY_FIELD}. */
    public ObservableList<String> fields() { return fields; }
    public StringProperty mapProperty() { return map; }
    public StringProperty keyColumnProperty() { return keyColumn; }
    public StringProperty targetFieldProperty() { return targetField; }
    public StringProperty valueColumnProperty() { return valueColumn; }
    public StringProperty clusteringProperty() { return clustering; }
    public StringProperty stepsProperty() { return steps; }
    public StringProperty minColorProperty() { return minColor; }
    public StringProperty maxColorProperty() { return maxColor; }
    public StringProperty valueFormatProperty() { return valueFormat; }
    public BooleanProperty legendProperty() { return legend; }
}
