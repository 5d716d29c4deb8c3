package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks options of a known type. An {@link OptionProblem.Severity#ERROR} is a known key holding a kind of value no
 * renderer can read (a text where a number or an object belongs); a {@link OptionProblem.Severity#WARNING} is a
 * column the result does not have: the editor shows it, and the visualization is kept. Unknown keys, and types
 * this version does not know, are never a problem.
 */
public final class OptionsValidator {

    private enum Kind { NUMBER, TEXT, OBJECT, ARRAY }

    private static final Map<VisualizationType, Map<String, Kind>> KINDS = Map.of(
            VisualizationType.TABLE, Map.of("itemsPerPage", Kind.NUMBER, "columns", Kind.ARRAY),
            VisualizationType.DETAILS, Map.of("columns", Kind.ARRAY),
            VisualizationType.CHART, Map.ofEntries(Map.entry("globalSeriesType", Kind.TEXT),
                    Map.entry("columnMapping", Kind.OBJECT), Map.entry("seriesOptions", Kind.OBJECT),
                    Map.entry("valuesOptions", Kind.OBJECT), Map.entry("xAxis", Kind.OBJECT),
                    Map.entry("yAxis", Kind.ARRAY), Map.entry("series", Kind.OBJECT), Map.entry("legend", Kind.OBJECT),
                    Map.entry("numberFormat", Kind.TEXT), Map.entry("percentFormat", Kind.TEXT),
                    Map.entry("dateTimeFormat", Kind.TEXT), Map.entry("sightline", Kind.OBJECT)),
            VisualizationType.COUNTER, Map.of("rowNumber", Kind.NUMBER, "targetRowNumber", Kind.NUMBER,
                    "stringDecimal", Kind.NUMBER, "counterColName", Kind.TEXT, "targetColName", Kind.TEXT),
            VisualizationType.PIVOT, Map.of("rows", Kind.ARRAY, "cols", Kind.ARRAY, "vals", Kind.ARRAY,
                    "aggregatorName", Kind.TEXT, "valueFilter", Kind.OBJECT, "controls", Kind.OBJECT,
                    "rendererOptions", Kind.OBJECT),
            VisualizationType.FUNNEL, Map.of("stepCol", Kind.OBJECT, "valueCol", Kind.OBJECT,
                    "sortKeyCol", Kind.OBJECT, "itemsLimit", Kind.NUMBER, "percentValuesRange", Kind.OBJECT),
            VisualizationType.COHORT, Map.of("dateColumn", Kind.TEXT, "stageColumn", Kind.TEXT,
                    "totalColumn", Kind.TEXT, "valueColumn", Kind.TEXT, "colors", Kind.OBJECT),
            VisualizationType.CHOROPLETH, Map.of("mapType", Kind.TEXT, "steps", Kind.NUMBER, "colors", Kind.OBJECT,
                    "legend", Kind.OBJECT, "tooltip", Kind.OBJECT, "popup", Kind.OBJECT, "bounds", Kind.ARRAY),
            VisualizationType.MAP, Map.of("latColName", Kind.TEXT, "lonColName", Kind.TEXT, "groups", Kind.OBJECT,
                    "tooltip", Kind.OBJECT, "popup", Kind.OBJECT, "bounds", Kind.OBJECT, "sightline", Kind.OBJECT));

    private OptionsValidator() {
    }

    /** Errors only: what the server refuses to store. */
    public static List<OptionProblem> errors(String type, Map<String, Object> options) {
        return validate(type, options, null).stream()
                .filter(p -> p.severity() == OptionProblem.Severity.ERROR).toList();
    }

    /**
     * @param columns the result's column names, or null when no result is at hand (then no column warnings)
     */
    public static List<OptionProblem> validate(String type, Map<String, Object> options, Set<String> columns) {
        return validateForResult(type, options, columns == null ? null
                : columns.stream().map(c -> new ResultColumn(c, null)).toList());
    }

    /**
     * As {@link #validate(String, Map, Set)}, and with the columns' types a table's colour rule comparing a
     * numeric column with a text is a warning too.
     *
     * @param resultColumns the result's columns, or null when no result is at hand (then no column warnings)
     */
    public static List<OptionProblem> validateForResult(String type, Map<String, Object> options,
                                                        List<ResultColumn> resultColumns) {
        Set<String> columns = resultColumns == null ? null
                : resultColumns.stream().map(ResultColumn::name).collect(java.util.stream.Collectors.toSet());
        List<OptionProblem> problems = new ArrayList<>();
        VisualizationType known = VisualizationType.of(type).orElse(null);
        if (known == null || options == null) {
            return problems;
        }
        KINDS.getOrDefault(known, Map.of()).forEach((key, kind) -> {
            Object value = options.get(key);
            if (value != null && !is(kind, value)) {
                problems.add(OptionProblem.error("options." + key, "must be " + describe(kind) + ", not "
                        + (value instanceof String ? "the text \"" + value + "\"" : String.valueOf(value))));
            }
        });
        if (columns != null && problems.isEmpty()) {
            referencedColumns(known, options).forEach((field, column) -> {
                if (column != null && !column.isBlank() && !columns.contains(column)) {
                    problems.add(OptionProblem.warning("options." + field, "the result has no column '" + column
                            + "'"));
                }
            });
        }
        if (known == VisualizationType.TABLE && problems.isEmpty()) {
            problems.addAll(TableCellColors.problems(options, resultColumns));
        }
        return problems;
    }

    /** Option path to the column it names. */
    static Map<String, String> referencedColumns(VisualizationType type, Map<String, Object> saved) {
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        Function<String, String> own = key -> saved.get(key) instanceof String s ? s : null;
        switch (type) {
            case CHART -> {
                ChartOptions chart = new ChartOptions(saved);
                chart.columnMapping().keySet().forEach(c -> refs.put("columnMapping." + c, c));
                Map<String, Object> comparison = chart.comparison();
                if (comparison != null && comparison.get("column") instanceof String c) {
                    refs.put("sightline.comparison.column", c);
                }
            }
            case COUNTER -> {
                CounterOptions counter = new CounterOptions(saved);
                if (!counter.countRow()) {
                    refs.put("counterColName", counter.counterColName());
                }
                refs.put("targetColName", own.apply("targetColName"));
            }
            case PIVOT -> {
                PivotOptions pivot = new PivotOptions(saved);
                indexed(refs, "rows", pivot.rows());
                indexed(refs, "cols", pivot.cols());
                indexed(refs, "vals", pivot.vals());
            }
            case MAP -> {
                MapOptions map = new MapOptions(saved);
                refs.put("latColName", map.latColName());
                refs.put("lonColName", map.lonColName());
                refs.put("classify", map.classify());
                refs.put("sightline.bubble.sizeColumn", map.sizeColumn());
            }
            case CHOROPLETH -> {
                ChoroplethOptions choropleth = new ChoroplethOptions(saved);
                refs.put("keyColumn", choropleth.keyColumn());
                refs.put("valueColumn", choropleth.valueColumn());
            }
            case FUNNEL -> {
                FunnelOptions funnel = new FunnelOptions(saved);
                refs.put("stepCol.colName", funnel.string("stepCol.colName"));
                refs.put("valueCol.colName", funnel.string("valueCol.colName"));
            }
            case COHORT -> {
                CohortOptions cohort = new CohortOptions(saved);
                for (String key : List.of("dateColumn", "stageColumn", "totalColumn", "valueColumn")) {
                    refs.put(key, cohort.string(key));
                }
            }
            default -> {
            }
        }
        return refs;
    }

    private static void indexed(Map<String, String> refs, String key, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            refs.put(key + "." + i, columns.get(i));
        }
    }

    private static boolean is(Kind kind, Object value) {
        return switch (kind) {
            case NUMBER -> value instanceof Number || value instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?");
            case TEXT -> value instanceof String;
            case OBJECT -> value instanceof Map<?, ?>;
            case ARRAY -> value instanceof List<?>;
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case NUMBER -> "a number";
            case TEXT -> "a text";
            case OBJECT -> "a JSON object";
            case ARRAY -> "a JSON array";
        };
    }
}
