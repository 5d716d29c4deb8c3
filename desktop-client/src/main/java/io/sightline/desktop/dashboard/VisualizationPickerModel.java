package io.sightline.desktop.dashboard;

import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.VisualizationChoice;
import io.sightline.desktop.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The "Add visualization" picker: the visualizations of the queries whose name matches what is typed. */
public final class VisualizationPickerModel {

    static final int QUERIES = 15;

    private final DashboardsClient client;
    private final BackgroundTasks tasks;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<VisualizationChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long run;

    VisualizationPickerModel(DashboardsClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** Looks the visualizations up for the search typed; an older answer arriving late is dropped. */
    public void search() {
        long mine = ++run;
        String text = search.get();
        message.set("Searching\u2026");
        tasks.run("Searching visualizations", () -> client.visualizations(text, QUERIES), found -> {
            if (mine == run) {
                choices.setAll(found);
                message.set(found.isEmpty() ? "No query matching \"" + text + "\" has a visualization." : "");
            }
        }, failure -> {
            if (mine == run) {
                message.set(failure);
            }
        });
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<VisualizationChoice> choices() {
        return choices;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
