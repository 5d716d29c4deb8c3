package io.sightline.server.dashboard;

import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** What other features may ask of dashboards. */
@Service
public class Dashboards {

    private final DashboardService service;
    private final JsonMapper json;

    Dashboards(DashboardService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** An empty dashboard owned by {@code ownerId} (no permission check: for the server's own bootstrap). */
    public long create(long ownerId, String name, List<String> tags) {
        return service.create(ownerId, new NewDashboard(name, json.writeValueAsString(tags), "[]", "{}", false));
    }
}
