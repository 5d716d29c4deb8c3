package io.sightline.server.dashboard;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import io.sightline.server.visualization.Visualizations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding, changing and removing widgets, with Redash's rules: the permission {@code edit_dashboard} and the right to
 * change the dashboard (its owner, an admin or a user granted {@code modify} on it); a visualization added must be one the caller reaches (view-only
 * access is enough). Changing or removing a widget the caller cannot see inside (restricted) is allowed to who
 * may change the dashboard, as in Redash.
 */
@Service
class WidgetService {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final WidgetRepository widgets;
    private final DashboardService dashboards;
    private final Visualizations visualizations;
    private final SavedQueries queries;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    WidgetService(WidgetRepository widgets, DashboardService dashboards, Visualizations visualizations,
                  SavedQueries queries, JsonMapper json, ApplicationEventPublisher events) {
        this.events = events;
        this.widgets = widgets;
        this.dashboards = dashboards;
        this.visualizations = visualizations;
        this.queries = queries;
        this.json = json;
    }

    @Transactional
    WidgetRow create(SightlineUser caller, WidgetEdit edit) {
        requireEditPermission(caller);
        DashboardRow dashboard = dashboards.require(String.valueOf(edit.dashboardId()));
        requireModify(caller, dashboard);
        List<String> parameters = null;
        if (edit.visualizationId() != null) {
            var found = visualizations.find(edit.visualizationId())
                    .filter(v -> queries.view(v.queryId(), caller).isPresent())
                    .orElseThrow(() -> ApiException.notFound("Visualization " + edit.visualizationId()
                            + " does not exist"));
            parameters = parametersOfQuery(found.queryId());
        }
        JsonNode options = edit.options() != null ? edit.options() : json.createObjectNode();
        WidgetOptionsCheck.check(options, parameters);
        long id = widgets.insert(dashboard.id(), edit.visualizationId(),
                edit.text() != null ? edit.text() : "", edit.width() != null ? edit.width() : 1,
                json.writeValueAsString(options), now());
        events.publishEvent(Audited.of("add_widget", "dashboard", dashboard.id(), widgetDetails(id, edit.visualizationId())));
        return widgets.find(id).orElseThrow();
    }

    @Transactional
    WidgetRow update(SightlineUser caller, long id, WidgetEdit edit) {
        requireEditPermission(caller);
        WidgetRow row = require(id);
        requireModify(caller, dashboards.require(String.valueOf(row.dashboardId())));
        String options = row.options();
        if (edit.options() != null) {
            List<String> parameters = row.visualizationId() == null ? null : visualizations
                    .find(row.visualizationId()).map(v -> parametersOfQuery(v.queryId())).orElse(List.of());
            WidgetOptionsCheck.check(edit.options(), parameters);
            options = json.writeValueAsString(edit.options());
        }
        String text = edit.textSent() ? (edit.text() != null ? edit.text() : "") : row.text();
        widgets.update(id, text, edit.width() != null ? edit.width() : row.width(), options, now());
        events.publishEvent(Audited.of("edit_widget", "dashboard", row.dashboardId(), widgetDetails(id, row.visualizationId())));
        return widgets.find(id).orElseThrow();
    }

    @Transactional
    void delete(SightlineUser caller, long id) {
        requireEditPermission(caller);
        WidgetRow row = require(id);
        requireModify(caller, dashboards.require(String.valueOf(row.dashboardId())));
        widgets.delete(id);
        events.publishEvent(Audited.of("remove_widget", "dashboard", row.dashboardId(), widgetDetails(id, row.visualizationId())));
    }

    private static Map<String, Object> widgetDetails(long widgetId, Long visualizationId) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("widget_id", widgetId);
        details.put("visualization_id", visualizationId);
        return details;
    }

    private List<String> parametersOfQuery(long queryId) {
        return queries.find(queryId).map(q -> WidgetJson.parameterNames(json.readValue(q.optionsJson(), OBJECT)))
                .orElse(List.of());
    }

    private WidgetRow require(long id) {
        return widgets.find(id).orElseThrow(() -> ApiException.notFound("Widget " + id + " does not exist"));
    }

    private static void requireEditPermission(SightlineUser caller) {
        if (!caller.has("edit_dashboard")) {
            throw ApiException.forbidden("You may not edit dashboards (permission 'edit_dashboard' is missing)");
        }
    }

    private void requireModify(SightlineUser caller, DashboardRow dashboard) {
        if (!dashboards.canEdit(caller, dashboard)) {
            throw ApiException.forbidden("Only the owner of dashboard " + dashboard.id()
                    + ", an admin or a user they granted 'modify' may change it");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
