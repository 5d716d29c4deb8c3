package io.sightline.desktop.api;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.common.api.auth.User;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Groups, their members and their data sources ({@code /api/groups...}), over the workbench's transport. Every
 * method blocks: call it from a background task.
 */
public final class GroupsClient {

    private final SightlineClient transport;

    public GroupsClient(SightlineClient transport) {
        this.transport = transport;
    }

    public List<Group> groups() {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/groups")),
                new TypeReference<List<Group>>() { });
    }

    public Group createGroup(String name) {
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/groups"), Map.of("name", name)),
                Group.class);
    }

    public Group renameGroup(long id, String name) {
        return SightlineClient.JSON.treeToValue(
                transport.post(transport.url("api/groups/" + id), Map.of("name", name)), Group.class);
    }

    public void deleteGroup(long id) {
        transport.delete(transport.url("api/groups/" + id));
    }

    public List<User> groupMembers(long groupId) {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/groups/" + groupId + "/members")),
                new TypeReference<List<User>>() { });
    }

    public void addGroupMember(long groupId, long userId) {
        transport.post(transport.url("api/groups/" + groupId + "/members"), Map.of("user_id", userId));
    }

    public void removeGroupMember(long groupId, long userId) {
        transport.delete(transport.url("api/groups/" + groupId + "/members/" + userId));
    }

    public List<GroupDataSource> groupDataSources(long groupId) {
        return SightlineClient.JSON.convertValue(
                transport.get(transport.url("api/groups/" + groupId + "/data_sources")),
                new TypeReference<List<GroupDataSource>>() { });
    }

    /** Gives the group access to the data source, or changes whether that access is view-only. */
    public void grantDataSource(long groupId, long dataSourceId, boolean viewOnly) {
        transport.post(transport.url("api/groups/" + groupId + "/data_sources"), Map.of("data_source_id", dataSourceId));
        transport.post(transport.url("api/groups/" + groupId + "/data_sources/" + dataSourceId),
                Map.of("view_only", viewOnly));
    }

    public void revokeDataSource(long groupId, long dataSourceId) {
        transport.delete(transport.url("api/groups/" + groupId + "/data_sources/" + dataSourceId));
    }
}
