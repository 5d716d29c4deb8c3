package io.sightline.desktop.alert;

import io.sightline.desktop.api.AlertSubscription;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DestinationSummary;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who an existing alert notifies: its subscriptions, adding one through a destination or the user's own email
 * (the server's mail), removing one. What the server refuses is said in the message.
 */
public final class AlertSubscriptionsViewModel {

    /** Where a new subscription sends to: a destination, or (destinationId null) the user's own email. */
    public record Target(Long destinationId, String label) {

        static final Target EMAIL_ME = new Target(null, "Email me (server mail)");
    }

    private final AlertsClient alerts;
    private final BackgroundTasks tasks;
    private final long alertId;
    private final ObservableList<AlertSubscription> subscriptions = FXCollections.observableArrayList();
    private final ObservableList<Target> targets = FXCollections.observableArrayList(Target.EMAIL_ME);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.EMAIL_ME);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AlertSubscriptionsViewModel(AlertsClient alerts, BackgroundTasks tasks, long alertId) {
        this.alerts = alerts;
        this.tasks = tasks;
        this.alertId = alertId;
    }

    /** Reads the subscriptions, and the destinations one may add (apart: a failure of one leaves the other). */
    public void load() {
        tasks.run("Loading the subscriptions", () -> alerts.subscriptions(alertId), subscriptions::setAll,
                message::set);
        tasks.run("Loading the destinations", alerts::destinations, destinations -> {
            List<Target> choices = new ArrayList<>();
            choices.add(Target.EMAIL_ME);
            destinations.forEach(d -> choices.add(new Target(d.id(), destinationLabel(d))));
            Target chosen = target.get();
            targets.setAll(choices);
            target.set(choices.contains(chosen) ? chosen : Target.EMAIL_ME);
        }, message::set);
    }

    /** Subscribes the user through the chosen target. */
    public void add() {
        Target chosen = target.get();
        if (chosen == null) {
            message.set("Choose where to send the alert");
            return;
        }
        tasks.run("Adding the subscription", () -> alerts.subscribe(alertId, chosen.destinationId()), added -> {
            subscriptions.add(added);
            message.set("Added " + label(added));
        }, message::set);
    }

    public void remove(AlertSubscription subscription) {
        tasks.run("Removing the subscription", () -> {
            alerts.unsubscribe(alertId, subscription.id());
            return subscription;
        }, removed -> {
            subscriptions.removeIf(s -> s.id() == removed.id());
            message.set("Removed " + label(removed));
        }, message::set);
    }

    /** A subscription as listed: {@code Email me (ann@example.com)}, {@code #ops (slack)}. */
    public static String label(AlertSubscription subscription) {
        return subscription.destination() == null ? "Email me (" + subscription.user().email() + ")"
                : destinationLabel(subscription.destination());
    }

    private static String destinationLabel(DestinationSummary destination) {
        return destination.name() + " (" + destination.type() + ")";
    }

    public ObservableList<AlertSubscription> subscriptions() {
        return subscriptions;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
