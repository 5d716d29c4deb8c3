package io.sightline.desktop.visualization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One Y axis of the chart editor ({@code yAxis[i]}): scale, title and range, the range typed as text so that a
 * bound that is not a number can be shown as a warning rather than lost. A blank bound is automatic.
 */
public final class YAxisFields {

    private final String name;
    private final StringProperty type = new SimpleStringProperty("linear");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty min = new SimpleStringProperty("");
    private final StringProperty max = new SimpleStringProperty("");

    YAxisFields(String name) {
        this.name = name;
    }

    List<Observable> inputs() {
        return List.of(type, title, min, max);
    }

    void load(Map<String, Object> saved) {
        type.set(saved.get("type") instanceof String t && AxesOptionsViewModel.Y_TYPES.contains(t) ? t : "linear");
        title.set(AxesOptionsViewModel.text(AxesOptionsViewModel.nested(saved.get("title")).get("text")));
        min.set(bound(saved.get("rangeMin")));
        max.set(bound(saved.get("rangeMax")));
    }

    /** The saved axis with this form's type, title and range set; a blank or unreadable bound is left out. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> axis = new LinkedHashMap<>(saved);
        axis.put("type", type.get() == null ? "linear" : type.get());
        AxesOptionsViewModel.putTitle(axis, title.get());
        putBound(axis, "rangeMin", min.get());
        putBound(axis, "rangeMax", max.get());
        return axis;
    }

    /** Linear, untitled, automatic: Redash's default axis. */
    boolean asDefault() {
        return "linear".equals(type.get()) && blank(title.get()) && blank(min.get()) && blank(max.get());
    }

    List<String> problems() {
        List<String> found = new ArrayList<>();
        Double low = parsed(min.get());
        Double high = parsed(max.get());
        if (!blank(min.get()) && low == null) {
            found.add(name + ": min must be a number, not \"" + min.get().strip() + "\".");
        }
        if (!blank(max.get()) && high == null) {
            found.add(name + ": max must be a number, not \"" + max.get().strip() + "\".");
        }
        if (low != null && high != null && low >= high) {
            found.add(name + ": min must be below max; the range is automatic until it is.");
        }
        boolean log = "logarithmic".equals(type.get());
        if (log && (low != null && low <= 0 || high != null && high <= 0)) {
            found.add(name + " is logarithmic: its min and max must be above 0.");
        }
        return found;
    }

    private static void putBound(Map<String, Object> axis, String key, String text) {
        Double value = parsed(text);
        if (value == null) {
            axis.remove(key);
        } else if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            axis.put(key, value.intValue()); // as JSON reads a whole number back
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            axis.put(key, value.longValue());
        } else {
            axis.put(key, value);
        }
    }

    private static String bound(Object saved) {
        if (saved instanceof Number n) {
            double value = n.doubleValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
        return saved == null ? "" : String.valueOf(saved);
    }

    private static Double parsed(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty typeProperty() { return type; }
    public StringProperty titleProperty() { return title; }
    /** Blank = automatic. */
    public StringProperty minProperty() { return min; }
    /** Blank = automatic. */
    public StringProperty maxProperty() { return max; }
}
