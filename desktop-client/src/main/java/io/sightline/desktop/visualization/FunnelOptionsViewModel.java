package io.sightline.desktop.visualization;

import io.sightline.common.visualization.FunnelOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The funnel part of the visualization editor, as Redash's funnel editor (General and Appearance tabs): step and
 * value columns with their titles, automatic or custom sorting, the items limit, the percent range and the formats.
 * It writes the whole options object as Redash's editor saves it: the saved options over Redash's defaults, with
 * {@code sortKeyCol} following the value column (descending) while {@code autoSort} is on.
 */
public final class FunnelOptionsViewModel {

    private final StringProperty stepColumn = new SimpleStringProperty();
    private final StringProperty stepTitle = new SimpleStringProperty("Steps");
    private final StringProperty valueColumn = new SimpleStringProperty();
    private final StringProperty valueTitle = new SimpleStringProperty("Value");
    private final BooleanProperty autoSort = new SimpleBooleanProperty(true);
    private final StringProperty sortColumn = new SimpleStringProperty();
    private final BooleanProperty sortDescending = new SimpleBooleanProperty();
    private final StringProperty itemsLimit = new SimpleStringProperty("100");
    private final StringProperty percentMin = new SimpleStringProperty("0.01");
    private final StringProperty percentMax = new SimpleStringProperty("1000");
    private final StringProperty numberFormat = new SimpleStringProperty("0,0[.]00");
    private final StringProperty percentFormat = new SimpleStringProperty("0[.]00%");

    List<Observable> inputs() {
        return List.of(stepColumn, stepTitle, valueColumn, valueTitle, autoSort, sortColumn, sortDescending,
                itemsLimit, percentMin, percentMax, numberFormat, percentFormat);
    }

    /** A new funnel: the first column as steps, the first numeric other one as values. */
    void guess(String firstColumn, String firstNumeric) {
        stepColumn.set(firstColumn);
        valueColumn.set(firstNumeric);
    }

    void load(Map<String, Object> saved) {
        FunnelOptions options = new FunnelOptions(saved);
        stepColumn.set(options.string("stepCol.colName"));
        stepTitle.set(options.string("stepCol.displayAs"));
        valueColumn.set(options.string("valueCol.colName"));
        valueTitle.set(options.string("valueCol.displayAs"));
        autoSort.set(options.bool("autoSort"));
        sortColumn.set(options.string("sortKeyCol.colName"));
        sortDescending.set(options.bool("sortKeyCol.reverse"));
        itemsLimit.set(number(options.number("itemsLimit", 100)));
        percentMin.set(number(options.number("percentValuesRange.min", 0.01)));
        percentMax.set(number(options.number("percentValuesRange.max", 1000.0)));
        numberFormat.set(options.string("numberFormat"));
        percentFormat.set(options.string("percentFormat"));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The options to save: {@code saved} over Redash's funnel defaults, with this form's values set. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new FunnelOptions(saved).effective());
        out.put("stepCol", nested(out.get("stepCol"), "colName", blankToNull(stepColumn.get()), "displayAs",
                stepTitle.get()));
        out.put("valueCol", nested(out.get("valueCol"), "colName", blankToNull(valueColumn.get()), "displayAs",
                valueTitle.get()));
        out.put("autoSort", autoSort.get());
        out.put("sortKeyCol", autoSort.get()
                ? nested(out.get("sortKeyCol"), "colName", blankToNull(valueColumn.get()), "reverse", true)
                : nested(out.get("sortKeyCol"), "colName", blankToNull(sortColumn.get()), "reverse",
                        sortDescending.get()));
        Integer limit = wholeNumber(itemsLimit.get());
        out.put("itemsLimit", limit == null ? 100 : Math.max(2, limit));
        Double min = decimal(percentMin.get());
        Double max = decimal(percentMax.get());
        out.put("percentValuesRange", nested(out.get("percentValuesRange"), "min", min == null ? 0.01 : min,
                "max", max == null ? 1000.0 : max));
        out.put("numberFormat", numberFormat.get());
        out.put("percentFormat", percentFormat.get());
        return out;
    }

    /** What keeps the funnel from being drawn as meant, in the editor's words. */
    List<String> problems() {
        List<String> found = new java.util.ArrayList<>();
        if (blankToNull(stepColumn.get()) == null) {
            found.add("Choose the step column of the funnel.");
        }
        if (blankToNull(valueColumn.get()) == null) {
            found.add("Choose the value column of the funnel.");
        }
        if (wholeNumber(itemsLimit.get()) == null) {
            found.add("Items limit must be a whole number, not \"" + itemsLimit.get() + "\" (100 is saved).");
        }
        if (decimal(percentMin.get()) == null || decimal(percentMax.get()) == null) {
            found.add("The percent range must be two numbers.");
        }
        return found;
    }

    private static Map<String, Object> nested(Object existing, String key1, Object value1, String key2,
                                              Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (existing instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String text) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.strip());
            return Double.isFinite(value) && value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public StringProperty stepColumnProperty() { return stepColumn; }
    public StringProperty stepTitleProperty() { return stepTitle; }
    public StringProperty valueColumnProperty() { return valueColumn; }
    public StringProperty valueTitleProperty() { return valueTitle; }
    public BooleanProperty autoSortProperty() { return autoSort; }
    public StringProperty sortColumnProperty() { return sortColumn; }
    public BooleanProperty sortDescendingProperty() { return sortDescending; }
    public StringProperty itemsLimitProperty() { return itemsLimit; }
    public StringProperty percentMinProperty() { return percentMin; }
    public StringProperty percentMaxProperty() { return percentMax; }
    public StringProperty numberFormatProperty() { return numberFormat; }
    public StringProperty percentFormatProperty() { return percentFormat; }
}
