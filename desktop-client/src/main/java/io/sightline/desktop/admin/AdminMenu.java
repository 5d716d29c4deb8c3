package io.sightline.desktop.admin;

import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.api.AuditLogClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.SnippetsClient;
import io.sightline.desktop.api.UserLinksClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.task.BackgroundTasks;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * The Users, Groups, Query snippets, Organization settings and Audit log entries of the workbench's Admin menu. They stay hidden until the server says it
 * manages users ({@code /api/users}); an older server without it keeps them hidden.
 */
public final class AdminMenu {

    private AdminMenu() {
    }

    /** The organization's formats (the server refuses a non-admin; the menu is only shown to admins). */
    public static void addOrganizationSettings(Menu admin, Node owner, SightlineClient client, BackgroundTasks tasks) {
        MenuItem settings = new MenuItem("Organization settings\u2026");
        settings.setId("menu-admin-settings");
        settings.setOnAction(e -> Dialogs.ownedBy(owner,
                new OrganizationSettingsView(new OrganizationSettingsViewModel(client, tasks))).show());
        admin.getItems().add(settings);
    }

    /** The server's audit log (the server refuses a non-admin; the menu is only shown to admins). */
    public static void addAuditLog(Menu admin, Node owner, SightlineClient client, BackgroundTasks tasks) {
        MenuItem audit = new MenuItem("Audit log\u2026");
        audit.setId("menu-admin-audit");
        audit.setOnAction(e -> Dialogs.ownedBy(owner,
                new AuditLogView(new AuditLogViewModel(new AuditLogClient(client), tasks))).show());
        admin.getItems().add(audit);
    }

    public static void addUsersAndGroups(Menu admin, Node owner, SightlineClient client, BackgroundTasks tasks) {
        UsersClient usersApi = new UsersClient(client);
        GroupsClient groupsApi = new GroupsClient(client);
        SnippetsClient snippetsApi = new SnippetsClient(client);
        MenuItem users = new MenuItem("Users\u2026");
        users.setId("menu-admin-users");
        users.setOnAction(e -> Dialogs.ownedBy(owner, new UserAdminView(
                new UserAdminViewModel(usersApi, groupsApi, new UserLinksClient(client), tasks))).show());
        MenuItem groups = new MenuItem("Groups\u2026");
        groups.setId("menu-admin-groups");
        groups.setOnAction(e -> Dialogs.ownedBy(owner, new GroupAdminView(
                new GroupAdminViewModel(groupsApi, usersApi, new DataSourcesClient(client), tasks))).show());
        MenuItem snippets = new MenuItem("Query snippets\u2026");
        snippets.setId("menu-admin-snippets");
        snippets.setOnAction(e -> Dialogs.ownedBy(owner,
                new SnippetAdminView(new SnippetAdminViewModel(snippetsApi, tasks))).show());
        users.setVisible(false);
        groups.setVisible(false);
        snippets.setVisible(false);
        admin.getItems().addAll(users, groups, snippets);
        tasks.run("Asking the server about query snippets", snippetsApi::querySnippets,
                offered -> snippets.setVisible(true), failure -> { }); // an older server has none
        tasks.run("Asking the server about users", usersApi::offersUsersAndGroups, offered -> {
            users.setVisible(offered);
            groups.setVisible(offered);
        }, failure -> { });
    }
}
