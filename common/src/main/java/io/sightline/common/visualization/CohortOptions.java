package io.sightline.common.visualization;

import java.util.Map;

/** {@code COHORT}: Redash's defaults ({@code date}, {@code day_number}, {@code total}, {@code value} columns). */
public final class CohortOptions extends Options {

    public CohortOptions(Map<String, Object> saved) {
        super(saved, map("timeInterval", "daily", "mode", "diagonal", "dateColumn", "date", "stageColumn", "day_number",
                "totalColumn", "total", "valueColumn", "value", "showTooltips", true, "percentValues", true,
                "timeColumnTitle", "Time", "peopleColumnTitle", "Users", "stageColumnTitle", "{{ @ }}",
                "numberFormat", "0,0[.]00", "percentFormat", "0.00%", "noValuePlaceholder", "-",
                "colors", map("min", "#ffffff", "max", "#002FB4", "steps", 7)));
    }
}
