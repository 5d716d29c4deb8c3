package io.sightline.desktop.visualization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The chart's comparison with a previous period (Sightline's {@code sightline.comparison}, which Redash ignores):
 * none, the previous year or the previous period, read from the X column or a date column of its own. It writes
 * only {@code sightline.comparison}, keeping the other {@code sightline} keys (point budget, drill-through) and the
 * comparison's keys it does not know.
 */
public final class ComparisonOptionsViewModel {

    public static final String NONE = "none";
    public static final List<String> PERIODS = List.of(NONE, "previous_year", "previous_period");

    private final StringProperty period = new SimpleStringProperty(NONE);
    private final StringProperty column = new SimpleStringProperty();

    List<Observable> inputs() {
        return List.of(period, column);
    }

    void load(Map<String, Object> saved) {
        Map<?, ?> comparison = saved.get("sightline") instanceof Map<?, ?> own
                && own.get("comparison") instanceof Map<?, ?> c ? c : null;
        if (comparison == null) {
            period.set(NONE);
            column.set(null);
            return;
        }
        Object savedPeriod = comparison.get("period");
        period.set(PERIODS.contains(savedPeriod) && !NONE.equals(savedPeriod) ? (String) savedPeriod
                : "previous_year");
        column.set(comparison.get("column") instanceof String c && !c.isBlank() ? c : null);
    }

    /** Writes {@code sightline.comparison} into {@code out} (which holds the saved options), or removes it. */
    void write(Map<String, Object> out) {
        Map<String, Object> sightline = new LinkedHashMap<>();
        if (out.get("sightline") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> sightline.put(String.valueOf(k), v));
        }
        if (NONE.equals(period.get()) || period.get() == null) {
            if (sightline.remove("comparison") == null) {
                return; // nothing saved, nothing to take away
            }
        } else {
            Map<String, Object> comparison = new LinkedHashMap<>();
            if (sightline.get("comparison") instanceof Map<?, ?> before) {
                before.forEach((k, v) -> comparison.put(String.valueOf(k), v));
            }
            comparison.put("period", period.get());
            if (column.get() == null || column.get().isBlank()) {
                comparison.remove("column"); // the X column
            } else {
                comparison.put("column", column.get());
            }
            sightline.put("comparison", comparison);
        }
        if (sightline.isEmpty()) {
            out.remove("sightline");
        } else {
            out.put("sightline", sightline);
        }
    }

    public StringProperty periodProperty() { return period; }
    /** The date column the periods are read from; null: the X column. */
    public StringProperty columnProperty() { return column; }
}
