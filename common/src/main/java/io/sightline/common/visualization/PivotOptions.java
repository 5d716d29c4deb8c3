package io.sightline.common.visualization;

import java.util.List;
import java.util.Map;

/** {@code PIVOT}: react-pivottable's keys; {@code controls.enabled = true} <em>hides</em> the controls (Redash). */
public final class PivotOptions extends Options {

    public PivotOptions(Map<String, Object> saved) {
        super(saved, map("rows", List.of(), "cols", List.of(), "vals", List.of(), "aggregatorName", "Count",
                "rendererName", "Table", "controls", map("enabled", false),
                "rendererOptions", map("table", map("rowTotals", true, "colTotals", true))));
    }

    public List<String> rows() {
        return names("rows");
    }

    public List<String> cols() {
        return names("cols");
    }

    public List<String> vals() {
        return names("vals");
    }

    public String aggregatorName() {
        return string("aggregatorName");
    }

    public boolean controlsHidden() {
        return bool("controls.enabled");
    }

    public boolean rowTotals() {
        return bool("rendererOptions.table.rowTotals");
    }

    public boolean colTotals() {
        return bool("rendererOptions.table.colTotals");
    }

    private List<String> names(String key) {
        return list(key).stream().map(String::valueOf).toList();
    }
}
