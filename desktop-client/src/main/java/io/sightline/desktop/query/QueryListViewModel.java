package io.sightline.desktop.query;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.concurrent.Future;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Saved queries, newest change first, filtered on the server by search text and "only mine". */
public final class QueryListViewModel {

    static final int PAGE_SIZE = 100;

    private final SightlineClient client;
    private final BackgroundTasks tasks;
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty onlyMine = new SimpleBooleanProperty();
    private final ObservableList<Query> queries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Future<?> pending;

    public QueryListViewModel(SightlineClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        onlyMine.addListener((obs, old, mine) -> reload());
    }

    /** Loads the list for the current search; a newer reload makes an older one's answer be ignored. */
    public void reload() {
        if (pending != null) {
            pending.cancel(true);
        }
        String text = search.get();
        boolean mine = onlyMine.get();
        loading.set(true);
        pending = tasks.run("Loading the saved queries", () -> client.queries(text, mine, 1, PAGE_SIZE), page -> {
            loading.set(false);
            queries.setAll(page.results());
            message.set(page.results().isEmpty()
                    ? (text.isBlank() ? "No saved queries yet." : "No query matches \"" + text.strip() + "\".")
                    : page.count() > page.results().size() ? "Showing " + page.results().size() + " of "
                            + page.count() + "; search to narrow down." : "");
        }, failure -> {
            loading.set(false);
            message.set(failure);
        });
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyMineProperty() {
        return onlyMine;
    }

    public ObservableList<Query> queries() {
        return queries;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
