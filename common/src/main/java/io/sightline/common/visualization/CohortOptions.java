package io.sightline.common.visualization;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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

    /** {@code timeInterval}: daily, weekly, monthly, yearly. */
    public ChronoUnit interval() {
        return switch (String.valueOf(string("timeInterval"))) {
            case "weekly" -> ChronoUnit.WEEKS;
            case "monthly" -> ChronoUnit.MONTHS;
            case "yearly" -> ChronoUnit.YEARS;
            default -> ChronoUnit.DAYS;
        };
    }

    /** The label of the cohort {@code offset} intervals after the first, in Redash's format for the interval. */
    public String timeLabel(LocalDateTime initialDate, int offset) {
        String format = switch (String.valueOf(string("timeInterval"))) {
            case "weekly" -> "[Week of] MMM D, YYYY";
            case "monthly" -> "MMMM YYYY";
            case "yearly" -> "YYYY";
            default -> "MMMM D, YYYY";
        };
        return DateTimeFormat.format(initialDate.plus(offset, interval()), format);
    }

    /** The header of stage column {@code stage} (1 for the first): {@code stageColumnTitle} with {@code @} = stage. */
    public String stageTitle(int stage) {
        return String.valueOf(string("stageColumnTitle")).replaceAll("\\{\\{\\s*@\\s*}}", Integer.toString(stage));
    }

    /** Percent of the cohort (default) or the number itself. */
    public boolean percentValues() {
        return bool("percentValues");
    }

    /** The text of a cell: its percent, or its value when {@code percentValues} is off; the placeholder for none. */
    public String cellText(Double percent, Double value) {
        if (percent == null) {
            return string("noValuePlaceholder");
        }
        return percentValues() ? NumberFormat.format(percent, string("percentFormat"))
                : NumberFormat.format(value, string("numberFormat"));
    }

    /** The cell colours: {@code colors.min} to {@code colors.max} over 0–100 %, in {@code colors.steps} classes. */
    public HslScale colorScale() {
        return new HslScale(string("colors.min"), string("colors.max"), (int) number("colors.steps", 7));
    }
}
