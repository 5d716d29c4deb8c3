package io.sightline.server.dashboard;

import io.sightline.server.query.SavedQueries;
import io.sightline.server.visualization.Visualizations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What other features may ask of dashboards. */
@Service
public class Dashboards {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DashboardService service;
    private final WidgetRepository widgets;
    private final Visualizations visualizations;
    private final SavedQueries queries;
    private final JsonMapper json;

    Dashboards(DashboardService service, WidgetRepository widgets, Visualizations visualizations,
               SavedQueries queries, JsonMapper json) {
        this.service = service;
        this.widgets = widgets;
        this.visualizations = visualizations;
        this.queries = queries;
        this.json = json;
    }

    /** An empty dashboard owned by {@code ownerId} (no permission check: for the server's own bootstrap). */
    public long create(long ownerId, String name, List<String> tags) {
        return create(ownerId, name, tags, "{}");
    }

    /**
     * A dashboard with these options (checked as a request's), owned by {@code ownerId}; no permission check.
     *
     * @throws io.sightline.server.system.ApiException 400 naming a bad option
     */
    public long create(long ownerId, String name, List<String> tags, String optionsJson) {
        DashboardBodyReader.options(json.readTree(optionsJson));
        return service.create(ownerId, new NewDashboard(name, json.writeValueAsString(tags), "[]",
                json.writeValueAsString(json.readTree(optionsJson)), false));
    }

    /**
     * Adds a widget (no permission check: for the server's own bootstrap), its options checked as a request's.
     *
     * @param visualizationId null for a text widget
     * @return the widget's id
     * @throws io.sightline.server.system.ApiException 400 naming a bad option (a mapping of no query parameter...)
     */
    @Transactional
    public long addWidget(long dashboardId, Long visualizationId, String text, String optionsJson) {
        JsonNode options = json.readTree(optionsJson);
        List<String> parameters = null;
        if (visualizationId != null) {
            long queryId = visualizations.find(visualizationId).orElseThrow().queryId();
            parameters = queries.find(queryId)
                    .map(q -> WidgetJson.parameterNames(json.readValue(q.optionsJson(), OBJECT))).orElse(List.of());
        }
        WidgetOptionsCheck.check(options, parameters);
        return widgets.insert(dashboardId, visualizationId, text == null ? "" : text, 1,
                json.writeValueAsString(options), OffsetDateTime.now(ZoneOffset.UTC));
    }
}
