package io.sightline.desktop.visualization;

import io.sightline.common.visualization.CohortOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The cohort part of the visualization editor, as Redash's cohort editor (Columns and Options tabs): the time
 * interval, the mode, and the date (bucket), stage, bucket population and stage value columns. It writes the whole
 * options object as Redash's editor saves it: the saved options over Redash's defaults, with this form's values set.
 */
public final class CohortOptionsViewModel {

    /** Redash's editor offers these three (a saved {@code yearly} is kept and drawn). */
    public static final List<String> TIME_INTERVALS = List.of("daily", "weekly", "monthly");
    /** {@code diagonal}: fill gaps with zeros; {@code simple}: show the data as it is. */
    public static final List<String> MODES = List.of("diagonal", "simple");

    private final StringProperty timeInterval = new SimpleStringProperty("daily");
    private final StringProperty mode = new SimpleStringProperty("diagonal");
    private final StringProperty dateColumn = new SimpleStringProperty("date");
    private final StringProperty stageColumn = new SimpleStringProperty("day_number");
    private final StringProperty totalColumn = new SimpleStringProperty("total");
    private final StringProperty valueColumn = new SimpleStringProperty("value");

    List<Observable> inputs() {
        return List.of(timeInterval, mode, dateColumn, stageColumn, totalColumn, valueColumn);
    }

    void load(Map<String, Object> saved) {
        CohortOptions options = new CohortOptions(saved);
        timeInterval.set(options.string("timeInterval"));
        mode.set(options.string("mode"));
        dateColumn.set(options.string("dateColumn"));
        stageColumn.set(options.string("stageColumn"));
        totalColumn.set(options.string("totalColumn"));
        valueColumn.set(options.string("valueColumn"));
    }

    /** The options to save: {@code saved} over Redash's cohort defaults, with this form's values set. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new CohortOptions(saved).effective());
        out.put("timeInterval", timeInterval.get());
        out.put("mode", mode.get());
        out.put("dateColumn", dateColumn.get());
        out.put("stageColumn", stageColumn.get());
        out.put("totalColumn", totalColumn.get());
        out.put("valueColumn", valueColumn.get());
        return out;
    }

    /** A column left unchosen; columns the result lacks are reported by the option model's warnings. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        Map<String, StringProperty> required = new LinkedHashMap<>();
        required.put("date (bucket)", dateColumn);
        required.put("stage", stageColumn);
        required.put("bucket population size", totalColumn);
        required.put("stage value", valueColumn);
        required.forEach((what, column) -> {
            if (column.get() == null || column.get().isBlank()) {
                found.add("Choose the " + what + " column of the cohort.");
            }
        });
        return found;
    }

    public StringProperty timeIntervalProperty() { return timeInterval; }
    public StringProperty modeProperty() { return mode; }
    public StringProperty dateColumnProperty() { return dateColumn; }
    public StringProperty stageColumnProperty() { return stageColumn; }
    public StringProperty totalColumnProperty() { return totalColumn; }
    public StringProperty valueColumnProperty() { return valueColumn; }
}
