package io.sightline.desktop.dashboard;

import io.sightline.common.visualization.ResultData;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One widget of an opened dashboard: where it sits on the 12-column grid, what it shows (a visualization of a
 * query, a text, or a placeholder for a widget the caller may not see) and, for a visualization, its loading
 * state, result, error and when the result was retrieved.
 */
public final class WidgetViewModel {

    /** What a widget shows. */
    public enum Kind { VISUALIZATION, TEXT, RESTRICTED }

    /** Redash's {@code options.position}: column 0–11, row, width in columns, height in rows. */
    public record Position(int col, int row, int sizeX, int sizeY) {
    }

    private final long id;
    private final Kind kind;
    private final ReadOnlyObjectWrapper<Position> position;
    private final Map<String, Object> options;
    private final String title;
    private final String text;
    private final String type;
    private final Map<String, Object> visualizationOptions;
    private final Long queryId;
    private final Long visualizationId;
    private volatile Map<String, Object> parameters;
    final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    final ReadOnlyObjectWrapper<ResultData> result = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    /** The widget query's parameter declarations (Redash's {@code query.options.parameters}). */
    private List<Map<String, Object>> queryParameters = List.of();
    /** Parameter mappings edited in edit mode, not saved yet; null while unchanged. */
    private Map<String, Object> editedMappings;
    long run;
    java.util.concurrent.Future<?> pending;
    volatile String jobId;

    private WidgetViewModel(long id, Kind kind, Map<String, Object> options, String title, String text, String type,
                            Map<String, Object> visualizationOptions, Long queryId, Long visualizationId,
                            Map<String, Object> parameters) {
        this.visualizationId = visualizationId;
        this.id = id;
        this.kind = kind;
        this.options = options;
        this.position = new ReadOnlyObjectWrapper<>(position(options));
        this.title = title;
        this.text = text;
        this.type = type;
        this.visualizationOptions = visualizationOptions;
        this.queryId = queryId;
        this.parameters = parameters;
    }

    /**
     * A widget from a dashboard's JSON (Redash's {@code serialize_widget}).
     *
     * @param parameters the values its query runs with (common's {@code DashboardParameterValues})
     */
    @SuppressWarnings("unchecked")
    public static WidgetViewModel of(Map<String, Object> widget, Map<String, Object> parameters) {
        long id = widget.get("id") instanceof Number n ? n.longValue() : 0;
        Map<String, Object> options = widget.get("options") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (Boolean.TRUE.equals(widget.get("restricted"))) {
            return new WidgetViewModel(id, Kind.RESTRICTED, options, "", "", null, Map.of(), null, null, Map.of());
        }
        if (!(widget.get("visualization") instanceof Map<?, ?> v)) {
            String text = widget.get("text") instanceof String s ? s : "";
            return new WidgetViewModel(id, Kind.TEXT, options, "", text, null, Map.of(), null, null, Map.of());
        }
        Map<String, Object> visualization = (Map<String, Object>) v;
        Map<String, Object> query = visualization.get("query") instanceof Map<?, ?> q ? (Map<String, Object>) q
                : Map.of();
        Long queryId = query.get("id") instanceof Number n ? n.longValue() : null;
        String name = visualization.get("name") instanceof String s ? s : "";
        String queryName = query.get("name") instanceof String s ? s : "";
        String title = name.isBlank() || "Table".equals(name) && !queryName.isBlank() ? queryName : name;
        Map<String, Object> vizOptions = visualization.get("options") instanceof Map<?, ?> o
                ? (Map<String, Object>) o : Map.of();
        WidgetViewModel shown = new WidgetViewModel(id, Kind.VISUALIZATION, options, title, "",
                String.valueOf(visualization.get("type")), vizOptions, queryId,
                visualization.get("id") instanceof Number vid ? vid.longValue() : null,
                parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters)));
        if (query.get("options") instanceof Map<?, ?> queryOptions
                && queryOptions.get("parameters") instanceof List<?> declared) {
            shown.queryParameters = declared.stream().filter(Map.class::isInstance)
                    .map(d -> (Map<String, Object>) d).toList();
        }
        return shown;
    }

    /** The names of the widget query's parameters, in the query's order. */
    public List<String> queryParameterNames() {
        return queryParameters.stream().map(d -> String.valueOf(d.get("name"))).toList();
    }

    /** A query parameter's title (its name when it has none). */
    String queryParameterTitle(String name) {
        return queryParameters.stream().filter(d -> name.equals(String.valueOf(d.get("name"))))
                .map(d -> d.get("title") instanceof String t && !t.isBlank() ? t : name).findFirst().orElse(name);
    }

    /** Redash's {@code options.parameterMappings}, as edited if they were. */
    @SuppressWarnings("unchecked")
    Map<String, Object> parameterMappings() {
        if (editedMappings != null) {
            return editedMappings;
        }
        return options.get("parameterMappings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** New parameter mappings, written when the dashboard is saved. */
    void mapParameters(Map<String, Object> mappings) {
        editedMappings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mappings));
    }

    /** Whether saving must write this widget: moved, resized or its parameter mappings changed. */
    boolean changed() {
        return moved() || editedMappings != null;
    }

    private static Position position(Map<String, Object> options) {
        Map<?, ?> p = options.get("position") instanceof Map<?, ?> m ? m : Map.of();
        return new Position(integer(p.get("col"), 0), integer(p.get("row"), 0), Math.max(1, integer(p.get("sizeX"), 3)),
                Math.max(1, integer(p.get("sizeY"), 3)));
    }

    private static int integer(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the widget sits now (moved or resized in edit mode until saved). */
    public Position position() {
        return position.get();
    }

    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    void moveTo(Position where) {
        position.set(where);
    }

    /** Whether the widget was moved or resized since the dashboard was loaded. */
    boolean moved() {
        return !position(options).equals(position.get());
    }

    /** Redash's {@code options} with the current position: what saving the widget sends. */
    Map<String, Object> optionsToSave() {
        Map<String, Object> saved = new java.util.LinkedHashMap<>(options);
        Map<String, Object> where = new java.util.LinkedHashMap<>();
        if (options.get("position") instanceof Map<?, ?> old) {
            old.forEach((key, value) -> where.put(String.valueOf(key), value));
        }
        Position p = position.get();
        where.put("col", p.col());
        where.put("row", p.row());
        where.put("sizeX", p.sizeX());
        where.put("sizeY", p.sizeY());
        saved.put("position", where);
        if (editedMappings != null) {
            saved.put("parameterMappings", editedMappings);
        }
        return saved;
    }

    /** A widget of {@code choice} added in edit mode, not saved yet: its id is {@code 0}. */
    static WidgetViewModel newVisualization(io.sightline.desktop.api.VisualizationChoice choice,
                                            Position where) {
        Map<String, Object> visualization = new java.util.LinkedHashMap<>();
        visualization.put("id", choice.visualization().id());
        visualization.put("type", choice.visualization().type());
        visualization.put("name", choice.visualization().name());
        visualization.put("options", choice.visualization().options() == null ? Map.of()
                : choice.visualization().options());
        visualization.put("query", Map.of("id", choice.queryId(), "name", choice.queryName()));
        Map<String, Object> widget = Map.of("id", 0, "visualization", visualization, "options", Map.of("position",
                Map.of("col", where.col(), "row", where.row(), "sizeX", where.sizeX(), "sizeY", where.sizeY())));
        return of(widget, Map.of());
    }

    /** The visualization a visualization widget shows; null for others. */
    public Long visualizationId() {
        return visualizationId;
    }

    /** A text widget added in edit mode, not saved yet: its id is {@code 0}. */
    static WidgetViewModel newText(String markdown, Position where) {
        Map<String, Object> options = Map.of("position", Map.of("col", where.col(), "row", where.row(),
                "sizeX", where.sizeX(), "sizeY", where.sizeY()));
        return new WidgetViewModel(0, Kind.TEXT, options, "", markdown == null ? "" : markdown, null, Map.of(), null,
                null, Map.of());
    }

    /** The visualization's name (the query's name for a default "Table"); empty for text and restricted. */
    public String title() {
        return title;
    }

    /** A text widget's Markdown. */
    public String text() {
        return text;
    }

    /** The visualization type (Redash's name, e.g. {@code COUNTER}). */
    public String type() {
        return type;
    }

    public Map<String, Object> visualizationOptions() {
        return visualizationOptions;
    }

    public Long queryId() {
        return queryId;
    }

    /** The parameter values the widget's query runs with. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** New values from the dashboard's header; the widget runs with them from its next load. */
    void setParameters(Map<String, Object> values) {
        parameters = values == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The result drawn; null until loaded (and kept while a refresh runs). */
    public ReadOnlyObjectProperty<ResultData> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why this widget could not be drawn; empty when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Updated …" with the time the server retrieved the result; empty before the first load. */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }
}
