package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    QueryController(QueryService service, QueryLists lists, QueryBodyReader reader, QueryJsonMapper mapper) {
        this.service = service;
        this.lists = lists;
        this.reader = reader;
        this.mapper = mapper;
    }

    @GetMapping
    QueryPage list(@RequestParam(defaultValue = "1") int page,
                   @RequestParam(name = "page_size", defaultValue = "25") int pageSize,
                   @RequestParam(required = false) String q,
                   @RequestParam(required = false) List<String> tags,
                   @RequestParam(required = false) String order,
                   @RequestParam(name = "only_mine", defaultValue = "false") boolean onlyMine) {
        SightlineUser caller = viewer();
        return lists.page(new QueryFilter(q, tags, onlyMine ? caller.id() : null, QueryOrder.parse(order), page, pageSize));
    }

    /** Like the list, but with no search text there is nothing to find (as in Redash). */
    @GetMapping("/search")
    QueryPage search(@RequestParam(defaultValue = "1") int page,
                     @RequestParam(name = "page_size", defaultValue = "25") int pageSize,
                     @RequestParam(required = false) String q,
                     @RequestParam(required = false) List<String> tags,
                     @RequestParam(required = false) String order,
                     @RequestParam(name = "only_mine", defaultValue = "false") boolean onlyMine) {
        SightlineUser caller = viewer();
        var filter = new QueryFilter(q, tags, onlyMine ? caller.id() : null, QueryOrder.parse(order), page, pageSize);
        return filter.search() == null ? new QueryPage(0, page, pageSize, List.of()) : lists.page(filter);
    }

    @GetMapping("/tags")
    QueryTags tags() {
        viewer();
        return lists.tagCounts();
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
        return lists.one(service.create(caller.id(), content, edit.tags()));
    }

    @GetMapping("/{id}")
    Query get(@PathVariable long id) {
        viewer();
        return lists.one(id);
    }

    @PostMapping("/{id}")
    Query update(@PathVariable long id, @RequestBody JsonNode body) {
        service.update(CurrentUser.get(), id, reader.forUpdate(body));
        return lists.one(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable long id) {
        service.archive(CurrentUser.get(), id);
    }

    @PostMapping("/{id}/fork")
    Query fork(@PathVariable long id) {
        return lists.one(service.fork(CurrentUser.get(), id));
    }

    @GetMapping("/{id}/versions")
    List<QueryVersion> versions(@PathVariable long id) {
        viewer();
        return mapper.versions(service.versions(id));
    }

    @GetMapping("/{id}/versions/{version}")
    QueryVersion version(@PathVariable long id, @PathVariable long version) {
        viewer();
        return mapper.version(service.version(id, version));
    }

    private static SightlineUser viewer() {
        SightlineUser caller = CurrentUser.get();
        QueryPermissions.requireView(caller);
        return caller;
    }
}
