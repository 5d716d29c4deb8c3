package io.sightline.common.visualization;

import java.util.Map;

/** {@code COUNTER}: value from {@code counterColName} at {@code rowNumber}, optional target, Redash's defaults. */
public final class CounterOptions extends Options {

    public CounterOptions(Map<String, Object> saved) {
        super(saved, map("counterColName", "counter", "rowNumber", 1, "targetRowNumber", 1, "stringDecimal", 0,
                "stringDecChar", ".", "stringThouSep", ",", "tooltipFormat", "0,0.000", "countRow", false,
                "formatTargetValue", false));
    }

    public String counterColName() {
        return string("counterColName");
    }

    public String targetColName() {
        return string("targetColName");
    }

    public int rowNumber() {
        return (int) number("rowNumber", 1);
    }

    public int targetRowNumber() {
        return (int) number("targetRowNumber", 1);
    }

    public boolean countRow() {
        return bool("countRow");
    }
}
