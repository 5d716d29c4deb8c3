package io.sightline.desktop.admin;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.UserLinksClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Users for admins: the list, and a form for one (new or existing) with name, email, an optional new password
 * and the groups the user belongs to; disabling and enabling, and a new API key. A user created without a password
 * is an invitation: the screen shows the link where they set one, and makes a new one on demand; an active user
 * gets a password reset link the same way.
 */
public final class UserAdminViewModel {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final UsersClient usersApi;
    private final GroupsClient groupsApi;
    private final UserLinksClient links;
    private final BackgroundTasks tasks;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final ObservableSet<Long> memberOf = FXCollections.observableSet();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<User> editing = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper apiKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** How many changes the server has answered (UI thread only): a list read before the last one is stale. */
    private long answered;

    public UserAdminViewModel(UsersClient usersApi, GroupsClient groupsApi, UserLinksClient links,
                              BackgroundTasks tasks) {
        this.usersApi = usersApi;
        this.groupsApi = groupsApi;
        this.links = links;
        this.tasks = tasks;
    }

    public void load() {
        long asOf = answered;
        tasks.run("Loading users", () -> new Lists(usersApi.users(), groupsApi.groups()), lists -> {
            users.setAll(lists.users());
            if (!groups.equals(lists.groups())) {
                groups.setAll(lists.groups()); // only when changed: the view rebuilds its group check boxes
            }
            User current = editing.get();
            if (current != null && asOf == answered) { // a change answered meanwhile is newer than this list
                lists.users().stream().filter(u -> u.id() == current.id()).findFirst().ifPresent(this::show);
            }
        }, message::set);
    }

    private record Lists(List<User> users, List<Group> groups) {
    }

    public void startNew() {
        editing.set(null);
        name.set("");
        email.set("");
        password.set("");
        apiKey.set("");
        link.set("");
        memberOf.clear();
        groups.stream().filter(g -> "default".equals(g.name())).forEach(g -> memberOf.add(g.id()));
        message.set("");
    }

    public void edit(User user) {
        show(user);
        message.set("Editing \"" + user.name() + "\"");
    }

    /** A key is shown once by the server: it stays on screen while the same user is edited. */
    private void show(User user) {
        User before = editing.get();
        editing.set(user);
        name.set(user.name());
        email.set(user.email());
        password.set("");
        if (user.apiKey() != null) {
            apiKey.set(user.apiKey());
        } else if (before == null || before.id() != user.id()) {
            apiKey.set("");
        }
        if (user.inviteLink() != null) {
            link.set(user.inviteLink());
        } else if (before == null || before.id() != user.id()) {
            link.set("");
        }
        memberOf.clear();
        memberOf.addAll(user.groups());
    }

    /** The problems of the form, empty when it can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.get().isBlank()) {
            problems.add("Name is required");
        }
        if (email.get().isBlank()) {
            problems.add("Email is required");
        } else if (!EMAIL.matcher(email.get().strip()).matches()) {
            problems.add("\"" + email.get().strip() + "\" is not an email address");
        }
        if (!password.get().isEmpty() && password.get().length() < 6) {
            problems.add("The password needs at least 6 characters");
        }
        return problems;
    }

    public void save() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            message.set(String.join("; ", problems));
            return;
        }
        User current = editing.get();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", name.get().strip());
        changes.put("email", email.get().strip());
        if (!password.get().isEmpty()) {
            changes.put("password", password.get());
        }
        changes.put("groups", List.copyOf(memberOf));
        tasks.run("Saving the user", () -> {
            if (current != null) {
                return usersApi.updateUser(current.id(), changes);
            }
            // the server shows a new user's key only in the answer that creates them
            User created = usersApi.createUser(name.get().strip(), email.get().strip(), null);
            User saved = usersApi.updateUser(created.id(), changes);
            return saved.withApiKey(created.apiKey()).withInviteLink(saved.invitationPending()
                    ? created.inviteLink() : null);
        }, saved -> {
            answered++;
            show(saved);
            message.set((current == null ? "Created \"" : "Saved \"") + saved.name() + "\"."
                    + (saved.inviteLink() != null ? " They have no password yet: send them the link, where they set"
                    + " one (within seven days)." : ""));
            load();
        }, message::set);
    }

    /** Disables the user being edited, or enables them again when they are disabled. */
    public void toggleDisabled() {
        User current = editing.get();
        if (current == null) {
            message.set("Choose a user first.");
            return;
        }
        boolean disable = !current.disabled();
        tasks.run(disable ? "Disabling the user" : "Enabling the user",
                () -> usersApi.setUserDisabled(current.id(), disable), changed -> {
                    answered++;
                    show(changed);
                    message.set("\"" + changed.name() + "\" is " + (disable ? "disabled: their key and password"
                            + " no longer work." : "enabled again."));
                    load();
                }, message::set);
    }

    public void regenerateApiKey() {
        User current = editing.get();
        if (current == null) {
            message.set("Choose a user first.");
            return;
        }
        tasks.run("Creating a new API key", () -> usersApi.regenerateApiKey(current.id()), changed -> {
            answered++;
            show(changed);
            message.set("New API key for \"" + changed.name() + "\"; the old one no longer works.");
            load();
        }, message::set);
    }

    /** A new invitation link for the user being edited, who has not set a password yet. */
    public void inviteAgain() {
        User current = editing.get();
        if (current == null || !current.invitationPending() || current.disabled()) {
            message.set(current == null ? "Choose a user first." : "\"" + current.name() + "\" "
                    + (current.disabled() ? "is disabled: enable them first." : "has a password already: make a"
                    + " password reset link instead."));
            return;
        }
        tasks.run("Making an invitation link", () -> links.invitation(current.id()), made -> {
            link.set(made);
            message.set("Send this link to \"" + current.name() + "\": it lets them set their password within"
                    + " seven days. Once they use one of their links, the others stop working.");
        }, message::set);
    }

    /** A password reset link for the user being edited, who is active. */
    public void resetPassword() {
        User current = editing.get();
        if (current == null || current.invitationPending() || current.disabled()) {
            message.set(current == null ? "Choose a user first." : "\"" + current.name() + "\" "
                    + (current.disabled() ? "is disabled: enable them first." : "has not accepted their invitation:"
                    + " make a new invitation link instead."));
            return;
        }
        tasks.run("Making a password reset link", () -> links.passwordReset(current.id()), made -> {
            link.set(made);
            message.set("Send this link to \"" + current.name() + "\": it lets them set a new password once,"
                    + " within a day. Their current password works until then.");
        }, message::set);
    }

    public ObservableList<User> users() {
        return users;
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    /** The ids of the groups the form puts the user in. */
    public ObservableSet<Long> memberOf() {
        return memberOf;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** A new password; empty keeps the current one. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The user being edited; null for a new one. */
    public ObjectProperty<User> editingProperty() {
        return editing;
    }

    public ReadOnlyStringProperty apiKeyProperty() {
        return apiKey.getReadOnlyProperty();
    }

    /** The last invitation or password reset link made for the user being edited; empty when none. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
