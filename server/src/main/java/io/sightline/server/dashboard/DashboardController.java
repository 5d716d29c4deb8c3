package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.dashboard.DashboardPage;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/dashboards} list, create, get (by id or slug), archive and favourites. */
@RestController
@RequestMapping("/api/dashboards")
class DashboardController {

    private final DashboardService service;
    private final DashboardLists lists;
    private final DashboardBodyReader reader;

    DashboardController(DashboardService service, DashboardLists lists, DashboardBodyReader reader) {
        this.service = service;
        this.lists = lists;
        this.reader = reader;
    }

    @GetMapping
    DashboardPage list(DashboardListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.filter(null, caller.id()), caller);
    }

    /** The dashboards the caller created (Redash's "My Dashboards"). */
    @GetMapping("/my")
    DashboardPage mine(DashboardListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.mine(caller.id()), caller);
    }

    @GetMapping("/favorites")
    DashboardPage favorites(DashboardListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.filter(caller.id(), caller.id()), caller);
    }

    @PostMapping
    Dashboard create(@RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        return lists.one(service.create(caller, reader.forCreate(body)), caller);
    }

    /** By id or slug; with Redash's {@code ?legacy} the key is always a slug (a dashboard named "2024", say). */
    @GetMapping("/{idOrSlug}")
    Dashboard get(@PathVariable String idOrSlug, @RequestParam(required = false) String legacy) {
        SightlineUser caller = viewer();
        return lists.one(legacy != null ? service.requireBySlug(idOrSlug) : service.require(idOrSlug), caller);
    }

    /**
     * Redash's update: the fields sent change ({@code name, layout, tags, is_draft, is_archived,
     * dashboard_filters_enabled, options}); {@code version} as last read, or 409.
     */
    @PostMapping("/{idOrSlug}")
    Dashboard update(@PathVariable String idOrSlug, @RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        return lists.one(service.update(caller, idOrSlug, reader.forUpdate(body)), caller);
    }

    @PostMapping("/{idOrSlug}/fork")
    Dashboard fork(@PathVariable String idOrSlug) {
        SightlineUser caller = viewer();
        return lists.one(service.fork(caller, idOrSlug), caller);
    }

    @GetMapping("/tags")
    Map<String, Object> tags() {
        return Map.of("tags", service.tagCounts(viewer().id()));
    }

    /**
     * Archives (as Redash does): the dashboard leaves the lists but can still be fetched by id. Answers the archived
     * dashboard, as Redash does.
     */
    @DeleteMapping("/{idOrSlug}")
    Dashboard archive(@PathVariable String idOrSlug) {
        SightlineUser caller = CurrentUser.get();
        return lists.one(service.archive(caller, idOrSlug), caller);
    }

    @PostMapping("/{idOrSlug}/favorite")
    Dashboard favorite(@PathVariable String idOrSlug) {
        SightlineUser caller = viewer();
        return lists.one(service.favorite(caller, idOrSlug), caller);
    }

    @DeleteMapping("/{idOrSlug}/favorite")
    Dashboard unfavorite(@PathVariable String idOrSlug) {
        SightlineUser caller = viewer();
        return lists.one(service.unfavorite(caller, idOrSlug), caller);
    }

    private static SightlineUser viewer() {
        SightlineUser caller = CurrentUser.get();
        DashboardService.requireList(caller);
        return caller;
    }
}
