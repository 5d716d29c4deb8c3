package io.sightline.server.share;

import io.sightline.common.visualization.CohortOptions;
import io.sightline.common.visualization.CohortTable;
import io.sightline.common.visualization.HslScale;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.Rgb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code COHORT} widget's {@code cohort} for the shared page: {@code common}'s {@link CohortTable} with the
 * headers, each cohort's date label and size, and each stage cell's text and fill ({@link HslScale} between the
 * options' colours, the text colour that reads on it) as the desktop draws them; a cell without a value has the
 * placeholder text and no fill.
 */
final class PublicCohortAnswer {

    private PublicCohortAnswer() {
    }

    static Map<String, Object> of(CohortOptions options, ResultData data) {
        CohortTable table = CohortTable.of(data, options);
        HslScale colors = options.colorScale();
        List<String> stages = new ArrayList<>();
        for (int stage = 1; stage < table.width(); stage++) {
            stages.add(options.stageTitle(stage));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; row < table.rows().size(); row++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", options.timeLabel(table.initialDate(), row));
            line.put("people", NumberFormat.format(table.rows().get(row).get(0), options.string("numberFormat")));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int stage = 1; stage < table.width(); stage++) {
                Double percent = table.percent(row, stage);
                Double value = table.value(row, stage);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("text", options.cellText(percent, value));
                if (percent != null) {
                    Rgb fill = colors.color(percent);
                    cell.put("color", fill.hex());
                    cell.put("text_color", HslScale.textOn(fill).hex());
                    if (options.bool("showTooltips") && options.percentValues()) {
                        cell.put("title", NumberFormat.format(value == null ? 0 : value, options.string("numberFormat")));
                    }
                }
                cells.add(cell);
            }
            line.put("cells", cells);
            rows.add(line);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_title", options.string("timeColumnTitle"));
        out.put("people_title", options.string("peopleColumnTitle"));
        out.put("stages", stages);
        out.put("rows", rows);
        return out;
    }
}
