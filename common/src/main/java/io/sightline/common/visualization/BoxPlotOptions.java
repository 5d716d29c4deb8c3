package io.sightline.common.visualization;

import java.util.Map;

/**
 * {@code BOXPLOT}: Redash's deprecated box plot visualization (viz-lib {@code box-plot}), one box per result
 * column of every row's value in it, with a title under the x axis ({@code xAxisLabel}) and beside the value axis
 * ({@code yAxisLabel}); nothing else to set. (Today's box plots are {@code CHART}s with {@code box} series.)
 */
public final class BoxPlotOptions extends Options {

    public BoxPlotOptions(Map<String, Object> saved) {
        super(saved, map("xAxisLabel", "", "yAxisLabel", ""));
    }

    public String xAxisLabel() {
        String label = string("xAxisLabel");
        return label == null ? "" : label;
    }

    public String yAxisLabel() {
        String label = string("yAxisLabel");
        return label == null ? "" : label;
    }

    /**
     * One series of one box per column, the columns in the result's order: every column is a place on the x axis,
     * and one without a single number is a gap there (no box), as the old view drew it.
     */
    public BoxPlot boxes(ResultData result) {
        java.util.List<Object> xs = new java.util.ArrayList<>();
        Map<Object, BoxStats> boxes = new java.util.LinkedHashMap<>();
        for (ResultColumn column : result.columns()) {
            xs.add(column.name());
            BoxStats box = BoxStats.of(result.rows().stream().map(row -> row.get(column.name())).toList());
            if (box != null) {
                boxes.put(column.name(), box);
            }
        }
        return new BoxPlot(java.util.List.copyOf(xs), java.util.List.of(new BoxPlot.Series("values", boxes)));
    }
}
