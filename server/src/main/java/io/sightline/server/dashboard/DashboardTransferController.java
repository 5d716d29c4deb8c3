package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    Dashboard importDocument(@RequestBody JsonNode document) {
        SightlineUser caller = CurrentUser.get();
        DashboardService.requireList(caller);
        return lists.one(importer.importDocument(caller, document), caller);
    }
}
