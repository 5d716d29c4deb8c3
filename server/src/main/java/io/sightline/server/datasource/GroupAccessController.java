package io.sightline.server.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.Groups;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redash's {@code /api/groups/{id}/data_sources}: which data sources a group may use, fully or view-only.
 * Here rather than in auth because access to data sources is this feature's data (auth knows no data sources).
 */
@RestController
@RequestMapping("/api/groups/{groupId}/data_sources")
class GroupAccessController {

    private final DataSourceRepository repository;
    private final Groups groups;
    private final ApplicationEventPublisher events;

    GroupAccessController(DataSourceRepository repository, Groups groups, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.groups = groups;
    }

    record Grant(@JsonProperty("data_source_id") Long dataSourceId, @JsonProperty("view_only") Boolean viewOnly) {
    }

    record ViewOnly(@JsonProperty("view_only") Boolean viewOnly) {
    }

    @GetMapping
    List<GroupDataSource> list(@PathVariable long groupId) {
        requireAdmin(groupId);
        Map<Long, Boolean> access = repository.accessOfGroup(groupId);
        return repository.findAll().stream().filter(row -> access.containsKey(row.id()))
                .map(row -> json(row, access.get(row.id()))).toList();
    }

    /** Full access unless {@code view_only} says otherwise, as Redash adds a data source to a group. */
    @PostMapping
    @Transactional
    GroupDataSource add(@PathVariable long groupId, @RequestBody Grant grant) {
        requireAdmin(groupId);
        if (grant.dataSourceId() == null) {
            throw ApiException.badRequest("'data_source_id' is required: the data source the group may use");
        }
        DataSourceRow row = repository.findById(grant.dataSourceId()).orElseThrow(
                () -> ApiException.badRequest("'data_source_id' " + grant.dataSourceId() + " is not a data source"));
        boolean viewOnly = Boolean.TRUE.equals(grant.viewOnly());
        repository.grant(row.id(), groupId, viewOnly);
        events.publishEvent(Audited.of("add_data_source", "group", groupId,
                Map.of("data_source_id", row.id(), "view_only", viewOnly)));
        return json(row, viewOnly);
    }

    @PostMapping("/{dataSourceId}")
    @Transactional
    GroupDataSource setViewOnly(@PathVariable long groupId, @PathVariable long dataSourceId,
                                @RequestBody ViewOnly body) {
        requireAdmin(groupId);
        if (body.viewOnly() == null) {
            throw ApiException.badRequest("'view_only' is required: true or false");
        }
        DataSourceRow row = repository.findById(dataSourceId).orElseThrow(() -> ConfiguredDataSources.notFound(dataSourceId));
        repository.grant(dataSourceId, groupId, body.viewOnly());
        events.publishEvent(Audited.of("change_data_source_permission", "group", groupId,
                Map.of("data_source_id", dataSourceId, "view_only", body.viewOnly())));
        return json(row, body.viewOnly());
    }

    @DeleteMapping("/{dataSourceId}")
    @Transactional
    void remove(@PathVariable long groupId, @PathVariable long dataSourceId) {
        requireAdmin(groupId);
        repository.findById(dataSourceId).orElseThrow(() -> ConfiguredDataSources.notFound(dataSourceId));
        repository.revoke(dataSourceId, groupId);
        events.publishEvent(Audited.of("remove_data_source", "group", groupId, Map.of("data_source_id", dataSourceId)));
    }

    private void requireAdmin(long groupId) {
        if (!CurrentUser.get().isAdmin()) {
            throw ApiException.forbidden("Only admins may see or change a group's data sources");
        }
        groups.requireExists(groupId);
    }

    private static GroupDataSource json(DataSourceRow row, boolean viewOnly) {
        return new GroupDataSource(row.id(), row.name(), row.type(), viewOnly);
    }
}
