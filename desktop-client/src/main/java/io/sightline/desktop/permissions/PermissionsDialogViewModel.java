package io.sightline.desktop.permissions;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.PermissionsClient;
import io.sightline.desktop.task.ActionStatus;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Manage permissions dialog of a query or dashboard: the users granted to change it besides its owner and the
 * admins, the other users one may add, and the server's refusal (someone who neither owns it nor is an admin) as
 * it words it.
 */
public final class PermissionsDialogViewModel {

    private final PermissionsClient client;
    private final ActionStatus action;
    private final PermissionsClient.Kind kind;
    private final long id;
    private final String title;
    private final ObservableList<User> granted = FXCollections.observableArrayList();
    private final ObservableList<User> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<User> chosen = new SimpleObjectProperty<>();
    private List<User> users = List.of();

    /** @param title what the dialog is about, e.g. "query 'Revenue'" */
    public PermissionsDialogViewModel(PermissionsClient client, BackgroundTasks tasks, PermissionsClient.Kind kind,
                                      long id, String title) {
        this.client = client;
        this.action = new ActionStatus(tasks);
        this.kind = kind;
        this.id = id;
        this.title = title;
    }

    /** Reads the grants and the users from the server. */
    public void load() {
        action.run("Reading who may edit it", () -> new Loaded(client.granted(kind, id), client.users()), loaded -> {
            users = loaded.users();
            show(loaded.granted());
        });
    }

    private record Loaded(List<User> granted, List<User> users) {
    }

    /** Grants the chosen user; nothing when no one is chosen. */
    public void add() {
        User user = chosen.get();
        if (user == null) {
            return;
        }
        action.run("Granting " + user.name(), () -> {
            client.grant(kind, id, user.id());
            return client.granted(kind, id);
        }, now -> {
            show(now);
            action.done(user.name() + " may now edit it");
        });
    }

    public void remove(User user) {
        action.run("Revoking " + user.name(), () -> {
            client.revoke(kind, id, user.id());
            return client.granted(kind, id);
        }, now -> {
            show(now);
            action.done(user.name() + " may no longer edit it");
        });
    }

    private void show(List<User> now) {
        granted.setAll(now);
        candidates.setAll(users.stream().filter(u -> now.stream().noneMatch(g -> g.id() == u.id())).toList());
        chosen.set(null);
    }

    public String title() {
        return title;
    }

    /** The users granted {@code modify}, in the order they were granted. */
    public ObservableList<User> granted() {
        return granted;
    }

    /** The enabled users not granted yet (the owner and admins among them: they may edit anyway). */
    public ObservableList<User> candidates() {
        return candidates;
    }

    public ObjectProperty<User> chosenProperty() {
        return chosen;
    }

    public ReadOnlyStringProperty messageProperty() {
        return action.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return action.errorProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return action.busyProperty();
    }
}
