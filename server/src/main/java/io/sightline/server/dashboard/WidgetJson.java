package io.sightline.server.dashboard;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.visualization.Visualizations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Widgets in Redash's shape ({@code serialize_widget}) as the caller sees them: a visualization widget carries its
 * visualization with the whole query; one whose query's data source the caller does not reach at all is
 * {@code {id, width, dashboard_id, options, created_at, updated_at, restricted: true}} (view-only access is enough
 * to see the whole widget, as in Redash).
 */
@Component
class WidgetJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final WidgetRepository widgets;
    private final Visualizations visualizations;
    private final SavedQueries queries;
    private final JsonMapper json;

    WidgetJson(WidgetRepository widgets, Visualizations visualizations, SavedQueries queries, JsonMapper json) {
        this.widgets = widgets;
        this.visualizations = visualizations;
        this.queries = queries;
        this.json = json;
    }

    /** The dashboard's widgets as the caller sees them; their queries are read together, once each. */
    List<Map<String, Object>> ofDashboard(long dashboardId, SightlineUser caller) {
        List<WidgetRow> rows = widgets.ofDashboard(dashboardId);
        List<Long> queryIds = new ArrayList<>();
        for (WidgetRow row : rows) {
            if (row.visualizationId() != null) {
                visualizations.find(row.visualizationId()).ifPresent(v -> queryIds.add(v.queryId()));
            }
        }
        Map<Long, Query> visible = queries.view(queryIds, caller);
        Map<Long, Optional<Query>> seen = new LinkedHashMap<>();
        queryIds.forEach(id -> seen.put(id, Optional.ofNullable(visible.get(id))));
        List<Map<String, Object>> list = new ArrayList<>();
        for (WidgetRow row : rows) {
            list.add(widget(row, caller, seen));
        }
        return list;
    }

    Map<String, Object> widget(WidgetRow row, SightlineUser caller) {
        return widget(row, caller, new LinkedHashMap<>());
    }

    private Map<String, Object> widget(WidgetRow row, SightlineUser caller, Map<Long, Optional<Query>> seen) {
        Map<String, Object> options = json.readValue(row.options(), OBJECT);
        if (row.visualizationId() == null) {
            return full(row, options, null);
        }
        var found = visualizations.find(row.visualizationId());
        Optional<Query> query = found.flatMap(v -> seen.computeIfAbsent(v.queryId(), id -> queries.view(id, caller)));
        if (found.isEmpty() || query.isEmpty()) {
            Map<String, Object> restricted = new LinkedHashMap<>();
            restricted.put("id", row.id());
            restricted.put("width", row.width());
            restricted.put("dashboard_id", row.dashboardId());
            restricted.put("options", options);
            restricted.put("created_at", row.createdAt());
            restricted.put("updated_at", row.updatedAt());
            restricted.put("restricted", true);
            return restricted;
        }
        return full(row, options, visualization(found.get().visualization(), query.get()));
    }

    private static Map<String, Object> full(WidgetRow row, Map<String, Object> options, Map<String, Object> viz) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("id", row.id());
        widget.put("width", row.width());
        widget.put("options", options);
        widget.put("dashboard_id", row.dashboardId());
        widget.put("text", Objects.requireNonNullElse(row.text(), ""));
        widget.put("updated_at", row.updatedAt());
        widget.put("created_at", row.createdAt());
        if (viz != null) {
            widget.put("visualization", viz);
        }
        return widget;
    }

    static Map<String, Object> visualization(Visualization v, Query query) {
        Map<String, Object> viz = new LinkedHashMap<>();
        viz.put("id", v.id());
        viz.put("type", v.type());
        viz.put("name", v.name());
        viz.put("description", v.description());
        viz.put("options", v.options());
        viz.put("updated_at", v.updatedAt());
        viz.put("created_at", v.createdAt());
        viz.put("query", query);
        return viz;
    }

    /** The names of the query's declared parameters ({@code options.parameters[].name}). */
    static List<String> parameterNames(Map<String, Object> queryOptions) {
        List<String> names = new ArrayList<>();
        if (queryOptions != null && queryOptions.get("parameters") instanceof List<?> parameters) {
            for (Object p : parameters) {
                if (p instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
