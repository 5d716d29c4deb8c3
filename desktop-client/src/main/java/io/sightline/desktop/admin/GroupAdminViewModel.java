package io.sightline.desktop.admin;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.common.api.auth.User;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Groups for admins: the list; for the chosen group its name, members and access to each data source
 * (none, view only, full). Builtin groups keep their names and cannot be deleted.
 */
public final class GroupAdminViewModel {

    private final GroupsClient groupsApi;
    private final UsersClient usersApi;
    private final DataSourcesClient dataSourcesApi;
    private final BackgroundTasks tasks;
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<User> members = FXCollections.observableArrayList();
    private final ObservableList<DataSourceAccess> access = FXCollections.observableArrayList();
    private final ObjectProperty<Group> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<DataSourceSummary> dataSources = List.of();

    public GroupAdminViewModel(GroupsClient groupsApi, UsersClient usersApi, DataSourcesClient dataSourcesApi,
                               BackgroundTasks tasks) {
        this.groupsApi = groupsApi;
        this.usersApi = usersApi;
        this.dataSourcesApi = dataSourcesApi;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run("Loading groups", () -> new Lists(groupsApi.groups(), usersApi.users(),
                dataSourcesApi.dataSources()), lists -> {
            groups.setAll(lists.groups());
            users.setAll(lists.users());
            dataSources = lists.dataSources();
            Group current = selected.get();
            if (current != null) {
                lists.groups().stream().filter(g -> g.id() == current.id()).findFirst()
                        .ifPresentOrElse(this::select, this::clearSelection);
            }
        }, message::set);
    }

    private record Lists(List<Group> groups, List<User> users, List<DataSourceSummary> dataSources) {
    }

    private record Details(List<User> members, List<GroupDataSource> dataSources) {
    }

    public void select(Group group) {
        selected.set(group);
        name.set(group.name());
        tasks.run("Loading the group", () -> new Details(groupsApi.groupMembers(group.id()),
                groupsApi.groupDataSources(group.id())), details -> {
                    if (selected.get() == null || selected.get().id() != group.id()) {
                        return; // another group was chosen meanwhile
                    }
                    members.setAll(details.members());
                    Map<Long, GroupDataSource> granted = details.dataSources().stream()
                            .collect(Collectors.toMap(GroupDataSource::id, Function.identity()));
                    access.setAll(dataSources.stream().map(ds -> new DataSourceAccess(ds.id(), ds.name(),
                            level(granted.get(ds.id())))).toList());
                }, message::set);
    }

    private static DataSourceAccess.Level level(GroupDataSource grant) {
        if (grant == null) {
            return DataSourceAccess.Level.NONE;
        }
        return grant.viewOnly() ? DataSourceAccess.Level.VIEW_ONLY : DataSourceAccess.Level.FULL;
    }

    private void clearSelection() {
        selected.set(null);
        name.set("");
        members.clear();
        access.clear();
    }

    public void create(String groupName) {
        if (groupName == null || groupName.isBlank()) {
            message.set("Type a name for the new group");
            return;
        }
        tasks.run("Creating the group", () -> groupsApi.createGroup(groupName.strip()), created -> {
            groups.add(created);
            select(created);
            message.set("Created the group \"" + created.name() + "\".");
        }, message::set);
    }

    public void rename() {
        Group group = selected.get();
        if (group == null) {
            message.set("Choose a group first.");
            return;
        }
        if (group.builtin()) {
            message.set("The builtin group \"" + group.name() + "\" cannot be renamed.");
            return;
        }
        if (name.get().isBlank()) {
            message.set("Name is required");
            return;
        }
        tasks.run("Renaming the group", () -> groupsApi.renameGroup(group.id(), name.get().strip()), renamed -> {
            selected.set(renamed);
            message.set("Renamed to \"" + renamed.name() + "\".");
            load();
        }, message::set);
    }

    public void delete() {
        Group group = selected.get();
        if (group == null) {
            message.set("Choose a group first.");
            return;
        }
        if (group.builtin()) {
            message.set("The builtin group \"" + group.name() + "\" cannot be deleted.");
            return;
        }
        tasks.run("Deleting the group", () -> {
            groupsApi.deleteGroup(group.id());
            return group;
        }, deleted -> {
            clearSelection();
            message.set("Deleted the group \"" + deleted.name() + "\".");
            load();
        }, message::set);
    }

    public void addMember(User user) {
        Group group = selected.get();
        if (group == null || user == null) {
            message.set("Choose a group and a user.");
            return;
        }
        tasks.run("Adding the member", () -> {
            groupsApi.addGroupMember(group.id(), user.id());
            return user;
        }, added -> {
            message.set("Added \"" + added.name() + "\" to \"" + group.name() + "\".");
            select(group);
        }, message::set);
    }

    public void removeMember(User user) {
        Group group = selected.get();
        if (group == null || user == null) {
            message.set("Choose a member to remove.");
            return;
        }
        tasks.run("Removing the member", () -> {
            groupsApi.removeGroupMember(group.id(), user.id());
            return user;
        }, removed -> {
            message.set("Removed \"" + removed.name() + "\" from \"" + group.name() + "\".");
            select(group);
        }, message::set);
    }

    /** Changes what the chosen group may do with a data source. */
    public void setAccess(DataSourceAccess row, DataSourceAccess.Level level) {
        Group group = selected.get();
        if (group == null || row.level() == level) {
            return;
        }
        tasks.run("Changing data source access", () -> {
            if (level == DataSourceAccess.Level.NONE) {
                groupsApi.revokeDataSource(group.id(), row.dataSourceId());
            } else {
                groupsApi.grantDataSource(group.id(), row.dataSourceId(), level == DataSourceAccess.Level.VIEW_ONLY);
            }
            return level;
        }, changed -> {
            int at = access.indexOf(row);
            if (at >= 0) {
                access.set(at, new DataSourceAccess(row.dataSourceId(), row.dataSourceName(), changed));
            }
            message.set("\"" + group.name() + "\": " + changed.toString().toLowerCase() + " to \""
                    + row.dataSourceName() + "\".");
        }, failure -> {
            message.set(failure);
            select(group); // shows the access as it is on the server
        });
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    /** Every user, to choose new members from. */
    public ObservableList<User> users() {
        return users;
    }

    public ObservableList<User> members() {
        return members;
    }

    /** One row per data source with the chosen group's access to it. */
    public ObservableList<DataSourceAccess> access() {
        return access;
    }

    public ObjectProperty<Group> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
