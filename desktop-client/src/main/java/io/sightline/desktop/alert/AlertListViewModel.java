package io.sightline.desktop.alert;

import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts list: every alert the user sees, its state, when it last triggered, whether it is muted; muting,
 * deleting, and the editor of one (after whose saving the list reloads).
 */
public final class AlertListViewModel {

    private final SightlineClient client;
    private final AlertsClient alertsApi;
    private final BackgroundTasks tasks;
    private final ObservableList<AlertSummary> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AlertListViewModel(SightlineClient client, BackgroundTasks tasks) {
        this.client = client;
        this.alertsApi = new AlertsClient(client);
        this.tasks = tasks;
    }

    public void load() {
        tasks.run("Loading alerts", alertsApi::alerts, loaded -> {
            alerts.setAll(loaded);
            message.set(loaded.isEmpty() ? "No alerts yet" : loaded.size() + " alerts");
        }, message::set);
    }

    /** Mutes or unmutes: a muted alert still changes state but notifies nobody. */
    public void setMuted(AlertSummary alert, boolean muted) {
        tasks.run(muted ? "Muting the alert" : "Unmuting the alert", () -> alertsApi.muteAlert(alert.id(), muted),
                changed -> {
                    for (int i = 0; i < alerts.size(); i++) {
                        if (alerts.get(i).id() == changed.id()) {
                            alerts.set(i, changed);
                        }
                    }
                    message.set("\"" + changed.name() + "\" " + (changed.muted() ? "muted" : "unmuted"));
                }, message::set);
    }

    /** Deletes the alert (the view asked the user first). */
    public void delete(AlertSummary alert) {
        tasks.run("Deleting the alert", () -> {
            alertsApi.delete(alert.id());
            return alert;
        }, deleted -> {
            alerts.removeIf(a -> a.id() == deleted.id());
            message.set("Deleted \"" + deleted.name() + "\"");
        }, message::set);
    }

    /** The editor of an existing alert; saving it reloads this list. */
    public AlertEditorViewModel editor(AlertSummary alert) {
        AlertEditorViewModel editor = AlertEditorViewModel.existing(client, tasks, alert.id());
        editor.whenSaved(saved -> load());
        return editor;
    }

    /** The subscriptions of an existing alert, shown in its editor. */
    public AlertSubscriptionsViewModel subscriptions(AlertSummary alert) {
        return new AlertSubscriptionsViewModel(alertsApi, tasks, alert.id());
    }

    public static String stateText(AlertSummary alert) {
        return switch (alert.state()) {
            case "triggered" -> "TRIGGERED";
            case "ok" -> "OK";
            default -> "unknown";
        };
    }

    public ObservableList<AlertSummary> alerts() {
        return alerts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
