package io.sightline.common.visualization;

import java.util.Map;

/** {@code FUNNEL}: Redash's defaults; {@code autoSort} (default) sorts by the value column, descending. */
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
}
