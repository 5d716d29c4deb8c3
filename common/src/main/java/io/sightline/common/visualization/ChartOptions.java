package io.sightline.common.visualization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code CHART}: Redash's defaults (viz-lib {@code chart/getOptions.ts}) and its legacy stacking values. */
public final class ChartOptions extends Options {

    public static final String DEFAULT_DATE_TIME_FORMAT = "DD/MM/YY HH:mm";

    /** Redash's series types; {@code custom} is stored and shown as "not supported". */
    public enum SeriesType { LINE, COLUMN, AREA, PIE, SCATTER, BUBBLE, HEATMAP, BOX, CUSTOM }

    /** What a column is mapped to ({@code columnMapping}). */
    public enum Role { X, Y, SERIES, SIZE, ZVAL, YERROR, UNUSED }

    /** With Redash's default formats. */
    public ChartOptions(Map<String, Object> saved) {
        this(saved, OrganizationFormats.DEFAULTS);
    }

    /** @param formats the organization's: a chart's date-time format is theirs unless one is saved */
    public ChartOptions(Map<String, Object> saved, OrganizationFormats formats) {
        super(saved, legacy(saved), defaults(saved, formats == null ? OrganizationFormats.DEFAULTS : formats));
    }

    static Map<String, Object> defaults(Map<String, Object> saved, OrganizationFormats formats) {
        Object type = saved == null ? null : saved.get("globalSeriesType");
        return map(
                "globalSeriesType", "column",
                "sortX", true,
                "legend", map("enabled", true, "placement", "auto", "traceorder", "normal"),
                "xAxis", map("type", "-", "labels", map("enabled", true)),
                "yAxis", List.of(map("type", "linear"), map("type", "linear", "opposite", true)),
                "alignYAxesAtZero", false,
                "error_y", map("type", "data", "visible", true),
                "series", map("stacking", null, "error_y", map("type", "data", "visible", true)),
                "seriesOptions", map(),
                "valuesOptions", map(),
                "columnMapping", map(),
                "direction", map("type", "counterclockwise"),
                "sizemode", "diameter",
                "coefficient", 1,
                "piesort", true,
                "color_scheme", "Redash",
                "lineShape", "linear",
                "numberFormat", "0,0[.]00000",
                "percentFormat", "0[.]00%",
                "textFormat", "",
                "enableLink", false,
                "linkOpenNewTab", true,
                "linkFormat", "",
                "missingValuesAsZero", true,
                "showDataLabels", "pie".equals(type),
                "dateTimeFormat", formats.dateTimeFormat());
    }

    /**
     * Redash reads the legacy {@code series.stacking} values {@code normal} / {@code percent} as {@code stack}
     * (+ {@code percentValues}); the view does the same, but only in what it reads: the saved map is unchanged.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> legacy(Map<String, Object> saved) {
        if (saved != null && saved.get("series") instanceof Map<?, ?> series
                && ("normal".equals(series.get("stacking")) || "percent".equals(series.get("stacking")))) {
            Map<String, Object> upgraded = new LinkedHashMap<>((Map<String, Object>) series);
            upgraded.put("percentValues", "percent".equals(series.get("stacking")));
            upgraded.put("stacking", "stack");
            Map<String, Object> copy = new LinkedHashMap<>(saved);
            copy.put("series", upgraded);
            return copy;
        }
        return saved;
    }

    public SeriesType globalSeriesType() {
        return parseSeriesType(string("globalSeriesType"));
    }

    public static SeriesType parseSeriesType(String name) {
        try {
            return name == null ? SeriesType.COLUMN : SeriesType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SeriesType.CUSTOM;
        }
    }

    /** Column name to role, in the saved order. Unknown role names read as {@link Role#UNUSED}. */
    public Map<String, Role> columnMapping() {
        Map<String, Role> roles = new LinkedHashMap<>();
        object("columnMapping").forEach((column, role) -> roles.put(column, role(String.valueOf(role))));
        return roles;
    }

    private static Role role(String name) {
        return switch (name) {
            case "x" -> Role.X;
            case "y" -> Role.Y;
            case "series" -> Role.SERIES;
            case "size" -> Role.SIZE;
            case "zVal" -> Role.ZVAL;
            case "yError" -> Role.YERROR;
            default -> Role.UNUSED;
        };
    }

    /** Stacked: {@code series.stacking} is {@code stack} (legacy {@code normal}/{@code percent} included). */
    public boolean stacked() {
        return "stack".equals(string("series.stacking"));
    }

    public boolean percentValues() {
        return bool("series.percentValues");
    }

    public boolean sortX() {
        return bool("sortX");
    }

    public boolean reverseX() {
        return bool("reverseX");
    }

    public boolean missingValuesAsZero() {
        return bool("missingValuesAsZero");
    }

    public boolean swappedAxes() {
        return bool("swappedAxes");
    }

    public boolean legendEnabled() {
        return bool("legend.enabled");
    }

    public String numberFormat() {
        return string("numberFormat");
    }

    public String percentFormat() {
        return string("percentFormat");
    }

    /**
     * The number format of value axis {@code axis} (0 left, 1 right): the percent format on the left axis of a
     * stacked percent chart, else the number format. The right axis is never in percent: only lines go there when
     * stacked ({@link #yAxisOf}), and lines are not stacked.
     */
    public String axisFormat(int axis) {
        return axis == 0 && stacked() && percentValues() ? percentFormat() : numberFormat();
    }

    public String dateTimeFormat() {
        return string("dateTimeFormat");
    }

    /** {@code xAxis.type}: {@code -} (auto, by the column type), datetime, category, linear, logarithmic. */
    public String xAxisType() {
        return string("xAxis.type");
    }

    /** A series' own options ({@code seriesOptions[name]}): type, yAxis, zIndex, color, name. */
    public Map<String, Object> seriesOptions(String series) {
        return object("seriesOptions").get(series) instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    /** The type of one series: its own, else the global one (combo charts mix them). */
    public SeriesType seriesType(String series) {
        Object own = seriesOptions(series).get("type");
        return own instanceof String s ? parseSeriesType(s) : globalSeriesType();
    }

    /** 0 = the left axis, 1 = the second one; Redash applies the second axis only when not stacked, or for lines. */
    public int yAxisOf(String series) {
        Object axis = seriesOptions(series).get("yAxis");
        int index = axis instanceof Number n ? n.intValue() : 0;
        SeriesType type = seriesType(series);
        return index == 1 && (!stacked() || type == SeriesType.LINE) ? 1 : 0;
    }

    /** Sightline: {@code sightline.comparison = {period, column}}, or null. */
    public Map<String, Object> comparison() {
        Map<String, Object> comparison = object("sightline.comparison");
        return comparison.isEmpty() ? null : comparison;
    }

    /** Sightline: past this many points per series a chart downsamples; 0 = no budget set. */
    public int pointBudget() {
        return (int) number("sightline.pointBudget", 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
