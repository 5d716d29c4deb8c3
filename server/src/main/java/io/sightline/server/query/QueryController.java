package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/queries} endpoints, plus version history. */
@RestController
@RequestMapping("/api/queries")
class QueryController {

    private final QueryService service;
    private final QueryLists lists;
    private final QueryBodyReader reader;
    private final QueryJsonMapper mapper;
    private final QueryBookmarks bookmarks;

    QueryController(QueryService service, QueryLists lists, QueryBodyReader reader, QueryJsonMapper mapper,
                    QueryBookmarks bookmarks) {
        this.service = service;
        this.lists = lists;
        this.bookmarks = bookmarks;
        this.reader = reader;
        this.mapper = mapper;
    }

    @GetMapping
    QueryPage list(QueryListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.filter(caller.id()), caller);
    }

    /** Like the list, but with no search text there is nothing to find (as in Redash). */
    @GetMapping("/search")
    QueryPage search(QueryListParams params) {
        SightlineUser caller = viewer();
        QueryFilter filter = params.filter(caller.id());
        return filter.search() == null ? new QueryPage(0, filter.page(), filter.pageSize(), List.of())
                : lists.page(filter, caller);
    }

    /** The caller's own queries (Redash's "My Queries"). */
    @GetMapping("/my")
    QueryPage mine(QueryListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.mine(caller.id()), caller);
    }

    @GetMapping("/favorites")
    QueryPage favorites(QueryListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.filter(caller.id(), QueryFilter.Scope.FAVORITES), caller);
    }

    /**
     * Queries the caller opened, ran or saved, the latest use first: a plain array, as Redash answers it (its
     * clients read it so), of at most {@code page_size} queries (10 when not given).
     */
    @GetMapping("/recent")
    List<Query> recent(QueryListParams params, @RequestParam(name = "page_size", required = false) Integer pageSize) {
        SightlineUser caller = viewer();
        return lists.firstPage(params.recent(caller.id(), pageSize), caller);
    }

    /** Archived queries the caller can see (Redash's "Archived" list), searchable like the main list. */
    @GetMapping("/archive")
    QueryPage archived(QueryListParams params) {
        SightlineUser caller = viewer();
        return lists.page(params.filter(caller.id(), QueryFilter.Scope.ARCHIVED), caller);
    }

    @GetMapping("/tags")
    QueryTags tags() {
        return lists.tagCounts(viewer());
    }

    @PostMapping
    Query create(@RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        QueryPermissions.requireCreate(caller);
        QueryEdit edit = reader.forCreate(body);
        if (edit.schedules()) {
            QueryPermissions.requireSchedule(caller);
        }
        var content = new QueryContent(edit.dataSourceId(), edit.name(), edit.description(), edit.queryText(),
                edit.scheduleJson(), edit.optionsJson(), edit.draft());
        return used(caller, service.create(caller, content, edit.tags()));
    }

    /** Opening a query counts as a use of it (for "recent"). */
    @GetMapping("/{id}")
    Query get(@PathVariable long id) {
        return used(viewer(), id);
    }

    @PostMapping("/{id}")
    Query update(@PathVariable long id, @RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        service.update(caller, id, reader.forUpdate(body));
        return used(caller, id);
    }

    /** Archives the query; 200 with no body, as Redash answers. */
    @DeleteMapping("/{id}")
    void archive(@PathVariable long id) {
        service.archive(CurrentUser.get(), id);
    }

    @PostMapping("/{id}/fork")
    Query fork(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        return used(caller, service.fork(caller, id));
    }

    @PostMapping("/{id}/favorite")
    Query favorite(@PathVariable long id) {
        SightlineUser caller = viewer();
        service.require(id, caller);
        bookmarks.favorite(caller.id(), id);
        return lists.one(id, caller);
    }

    @DeleteMapping("/{id}/favorite")
    Query unfavorite(@PathVariable long id) {
        SightlineUser caller = viewer();
        service.require(id, caller);
        bookmarks.unfavorite(caller.id(), id);
        return lists.one(id, caller);
    }

    @GetMapping("/{id}/versions")
    List<QueryVersion> versions(@PathVariable long id) {
        return mapper.versions(service.versions(viewer(), id));
    }

    @GetMapping("/{id}/versions/{version}")
    QueryVersion version(@PathVariable long id, @PathVariable long version) {
        return mapper.version(service.version(viewer(), id, version));
    }

    private Query used(SightlineUser caller, long id) {
        Query query = lists.one(id, caller);
        bookmarks.recordUse(caller.id(), id);
        return query;
    }

    private static SightlineUser viewer() {
        SightlineUser caller = CurrentUser.get();
        QueryPermissions.requireView(caller);
        return caller;
    }
}
