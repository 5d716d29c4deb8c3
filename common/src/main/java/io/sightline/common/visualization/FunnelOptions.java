package io.sightline.common.visualization;

import java.util.Map;

/**
 * {@code FUNNEL}: Redash's defaults ({@code funnel/getOptions.ts}); {@code autoSort} (default) sorts by the value
 * column, descending. A column the result does not have reads as not set, as there.
 */
public final class FunnelOptions extends Options {

    public FunnelOptions(Map<String, Object> saved) {
        super(saved, map("stepCol", map("colName", null, "displayAs", "Steps"),
                "valueCol", map("colName", null, "displayAs", "Value"), "autoSort", true,
                "sortKeyCol", map("colName", null, "reverse", false), "itemsLimit", 100,
                "percentValuesRange", map("min", 0.01, "max", 1000.0), "numberFormat", "0,0[.]00",
                "percentFormat", "0[.]00%"));
    }

    public int itemsLimit() {
        return Math.max(2, (int) number("itemsLimit", 100));
    }

    public String stepColumn(ResultData result) {
        return present(result, string("stepCol.colName"));
    }

    public String valueColumn(ResultData result) {
        return present(result, string("valueCol.colName"));
    }

    /** The value column when {@code autoSort} is on, else {@code sortKeyCol.colName}. */
    public String sortColumn(ResultData result) {
        return bool("autoSort") ? valueColumn(result) : present(result, string("sortKeyCol.colName"));
    }

    /** Descending: always with {@code autoSort}, else {@code sortKeyCol.reverse}. */
    public boolean sortReversed() {
        return bool("autoSort") || bool("sortKeyCol.reverse");
    }

    public String stepTitle() {
        return string("stepCol.displayAs");
    }

    public String valueTitle() {
        return string("valueCol.displayAs");
    }

    /** A value in the number format. */
    public String valueText(double value) {
        return NumberFormat.format(value, string("numberFormat"));
    }

    /**
     * A percent (0–100 scale) in the percent format, or {@code <min} / {@code >max} of {@code percentValuesRange}
     * past its ends, as Redash writes them; empty when there is no number (a step after a zero one).
     */
    public String percentText(double percent) {
        String format = string("percentFormat");
        double min = number("percentValuesRange.min", 0.01);
        double max = number("percentValuesRange.max", 1000.0);
        if (percent < min) {
            return "<" + NumberFormat.format(min, format);
        }
        if (percent > max) {
            return ">" + NumberFormat.format(max, format);
        }
        return Double.isNaN(percent) ? "" : NumberFormat.format(percent, format);
    }

    private static String present(ResultData result, String column) {
        return column != null && result.column(column) != null ? column : null;
    }
}
