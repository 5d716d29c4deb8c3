package io.sightline.server.share;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSourceReach;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard as a signed-in user's page shows it ({@code /dashboards/{id}-{slug}}): the public page's JSON of the
 * widgets whose query's data source the user reaches, and each other widget as Redash's restricted placeholder
 * ({@code {id, width, options, restricted: true}}: nothing of its query or visualization). The user may see a
 * dashboard when they may see dashboards at all ({@code list_dashboards}, as the API's {@code GET
 * /api/dashboards/{id}}) and it is not archived; a drill-through leads to its target's page when they may see that.
 */
@Component
class SignedInDashboards {

    static final String PAGE = "/dashboards/";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ShareRepository repository;
    private final PublicDashboardJson publicJson;
    private final SavedQueries queries;
    private final DataSources dataSources;
    private final JsonMapper json;

    SignedInDashboards(ShareRepository repository, PublicDashboardJson publicJson, SavedQueries queries,
                       DataSources dataSources, JsonMapper json) {
        this.repository = repository;
        this.publicJson = publicJson;
        this.queries = queries;
        this.dataSources = dataSources;
        this.json = json;
    }

    /** The dashboard, when the caller may see it. */
    Optional<SharedDashboard> visible(SightlineUser caller, long id) {
        if (!caller.has("list_dashboards")) {
            return Optional.empty();
        }
        return repository.dashboard(id).filter(d -> !d.archived());
    }

    /** @throws ApiException 404, the same for a dashboard that does not exist as for one the caller may not see */
    SharedDashboard require(SightlineUser caller, long id) {
        return visible(caller, id).orElseThrow(() -> ApiException.notFound("Dashboard " + id + " does not exist"));
    }

    /** The dashboard's page address, as the page's links and redirects write it. */
    static String pageOf(SharedDashboard dashboard) {
        return PAGE + dashboard.id() + (dashboard.slug() == null || dashboard.slug().isBlank() ? ""
                : "-" + dashboard.slug());
    }

    /** The widgets of the dashboard the caller reaches: text widgets, and those of queries they reach. */
    List<SharedWidget> reachable(SightlineUser caller, SharedDashboard dashboard) {
        return split(caller, dashboard).reachable();
    }

    /** The page's JSON: the public shape of the reachable widgets, the others restricted. */
    Map<String, Object> json(SightlineUser caller, SharedDashboard dashboard) {
        Split split = split(caller, dashboard);
        Map<String, Object> out = publicJson.of(dashboard, split.reachable(), "url",
                target -> visible(caller, target).map(SignedInDashboards::pageOf));
        List<Object> widgets = new ArrayList<>((List<?>) out.get("widgets"));
        for (SharedWidget w : split.restricted()) {
            Map<String, Object> restricted = new LinkedHashMap<>();
            restricted.put("id", w.id());
            restricted.put("width", w.width());
            restricted.put("options", json.readValue(w.options(), OBJECT));
            restricted.put("restricted", true);
            widgets.add(restricted);
        }
        out.put("widgets", widgets);
        return out;
    }

    private Split split(SightlineUser caller, SharedDashboard dashboard) {
        DataSourceReach reach = dataSources.reach(caller);
        List<SharedWidget> reachable = new ArrayList<>();
        List<SharedWidget> restricted = new ArrayList<>();
        for (SharedWidget widget : repository.widgets(dashboard.id())) {
            boolean reached = widget.queryId() == null ? widget.visualizationId() == null
                    : queries.find(widget.queryId()).map(SavedQuery::dataSourceId).filter(reach::reaches).isPresent();
            (reached ? reachable : restricted).add(widget);
        }
        return new Split(reachable, restricted);
    }

    private record Split(List<SharedWidget> reachable, List<SharedWidget> restricted) {
    }
}
