package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Dashboards as code: one JSON document out ({@code /export}), the same document in ({@code /import}). */
@RestController
@RequestMapping("/api/dashboards")
class DashboardTransferController {

    private final DashboardExport export;
    private final DashboardImport importer;
    private final DashboardLists lists;

    DashboardTransferController(DashboardExport export, DashboardImport importer, DashboardLists lists) {
        this.export = export;
        this.importer = importer;
        this.lists = lists;
    }

    @GetMapping("/{idOrSlug}/export")
    ObjectNode export(@PathVariable String idOrSlug) {
        return export.export(CurrentUser.get(), idOrSlug);
    }

    /** Answers the dashboard made or updated, as {@code GET /api/dashboards/{id}} shows it. */
    @PostMapping("/import")
    Dashboard importDocument(@RequestBody JsonNode document, @RequestParam(required = false) String grid) {
        SightlineUser caller = CurrentUser.get();
        DashboardService.requireList(caller);
        if (grid != null && !grid.equals("6") && !grid.equals("12")) {
            throw ApiException.badRequest("'grid' must be 6 (Redash up to 25.1) or 12, not " + grid);
        }
        return lists.one(importer.importDocument(caller, document, grid == null ? null : Integer.valueOf(grid)),
                caller);
    }
}
