package io.sightline.desktop.visualization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Axes part of the chart editor, as Redash's X Axis and Y Axis tabs: the X axis's scale and title, and for each
 * Y axis (left, and the right one of series moved to it) its scale, title and range. It writes Redash's keys
 * ({@code xAxis: {type, title: {text}}}, {@code yAxis: [{type, title: {text}, rangeMin, rangeMax}, {…, opposite}]})
 * over the saved ones, so keys it does not own ({@code xAxis.labels}, a title's other keys) survive. A blank range
 * bound is automatic.
 */
public final class AxesOptionsViewModel {

    /** Redash's X axis scales: {@code -} is "Auto" (by the column's type). */
    public static final List<String> X_TYPES = List.of("-", "datetime", "category", "linear", "logarithmic");
    /** Redash's Y axis scales. */
    public static final List<String> Y_TYPES = List.of("linear", "logarithmic");

    private final StringProperty xType = new SimpleStringProperty("-");
    private final StringProperty xTitle = new SimpleStringProperty("");
    private final YAxisFields left = new YAxisFields("Y axis"); // named as in the form
    private final YAxisFields right = new YAxisFields("Right Y axis");

    List<Observable> inputs() {
        List<Observable> all = new ArrayList<>(List.of(xType, xTitle));
        all.addAll(left.inputs());
        all.addAll(right.inputs());
        return all;
    }

    void load(Map<String, Object> saved) {
        Map<String, Object> x = nested(saved.get("xAxis"));
        xType.set(x.get("type") instanceof String t && X_TYPES.contains(t) ? t : "-");
        xTitle.set(text(nested(x.get("title")).get("text")));
        List<?> y = saved.get("yAxis") instanceof List<?> l ? l : List.of();
        left.load(y.isEmpty() ? Map.of() : nested(y.get(0)));
        right.load(y.size() < 2 ? Map.of() : nested(y.get(1)));
    }

    /**
     * Writes {@code xAxis} and {@code yAxis} into {@code out} over the saved options ({@code saved}); a chart saved
     * without them and left at Redash's defaults (auto X, linear Y, no titles or ranges) stays without them.
     */
    void write(Map<String, Object> saved, Map<String, Object> out) {
        if (saved.containsKey("xAxis") || !"-".equals(xType.get()) || !text(xTitle.get()).isBlank()) {
            Map<String, Object> x = new LinkedHashMap<>(nested(saved.get("xAxis")));
            x.put("type", xType.get() == null ? "-" : xType.get());
            putTitle(x, xTitle.get());
            out.put("xAxis", x);
        }
        if (saved.containsKey("yAxis") || !left.asDefault() || !right.asDefault()) {
            List<?> savedY = saved.get("yAxis") instanceof List<?> l ? l : List.of();
            List<Object> y = new ArrayList<>();
            y.add(left.write(savedY.isEmpty() ? Map.of() : nested(savedY.get(0))));
            Map<String, Object> second = right.write(savedY.size() < 2 ? Map.of() : nested(savedY.get(1)));
            second.put("opposite", true);
            y.add(second);
            for (int i = 2; i < savedY.size(); i++) {
                y.add(savedY.get(i));
            }
            out.put("yAxis", y);
        }
    }

    /** A range bound that is not a number, a min not below the max, a logarithmic axis's bound not above 0. */
    List<String> problems() {
        List<String> found = new ArrayList<>(left.problems());
        found.addAll(right.problems());
        return found;
    }

    /** Sets {@code title.text}, or removes it when blank (and the title with it when nothing else is in it). */
    static void putTitle(Map<String, Object> axis, String text) {
        Map<String, Object> title = new LinkedHashMap<>(nested(axis.get("title")));
        if (text == null || text.isBlank()) {
            title.remove("text");
        } else {
            title.put("text", text);
        }
        if (title.isEmpty()) {
            axis.remove("title");
        } else {
            axis.put("title", title);
        }
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public StringProperty xTypeProperty() { return xType; }
    public StringProperty xTitleProperty() { return xTitle; }
    /** {@code yAxis[0]}. */
    public YAxisFields left() { return left; }
    /** {@code yAxis[1]}, the axis of the series moved to the right. */
    public YAxisFields right() { return right; }
}
