package io.sightline.desktop.query;

import io.sightline.common.api.query.QueryVersion;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The saved versions of a query: pick two to see what changed between them, or one to restore into the
 * editor (it becomes an unsaved change; saving it makes it the newest version).
 */
public final class VersionHistoryViewModel {

    private final QueriesClient client;
    private final BackgroundTasks tasks;
    private final long queryId;
    private final ObservableList<QueryVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<QueryVersion> older = new SimpleObjectProperty<>();
    private final ObjectProperty<QueryVersion> newer = new SimpleObjectProperty<>();
    private final ObservableList<LineDiff.Line> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<Long, QueryVersion> full = new HashMap<>();

    public VersionHistoryViewModel(QueriesClient client, BackgroundTasks tasks, long queryId) {
        this.client = client;
        this.tasks = tasks;
        this.queryId = queryId;
        older.addListener((obs, old, now) -> compare());
        newer.addListener((obs, old, now) -> compare());
    }

    /** Loads the list; the newest version is compared with the one before it. */
    public void load() {
        tasks.run("Loading the versions", () -> client.versions(queryId), list -> {
            var newestFirst = list.stream()
                    .sorted((a, b) -> Long.compare(b.version(), a.version())).toList();
            versions.setAll(newestFirst);
            if (!newestFirst.isEmpty()) {
                newer.set(newestFirst.get(0));
                older.set(newestFirst.size() > 1 ? newestFirst.get(1) : newestFirst.get(0));
            }
        }, message::set);
    }

    private void compare() {
        QueryVersion a = older.get();
        QueryVersion b = newer.get();
        if (a == null || b == null) {
            diff.clear();
            return;
        }
        withText(a, fullA -> withText(b, fullB -> {
            if (older.get() == a && newer.get() == b) {
                diff.setAll(LineDiff.between(fullA.query(), fullB.query()));
                message.set("Version " + a.version() + " \u2192 " + b.version());
            }
        }));
    }

    /** The list may leave out the SQL text; a version's own endpoint has it. */
    private void withText(QueryVersion version, Consumer<QueryVersion> use) {
        if (version.query() != null) {
            use.accept(version);
            return;
        }
        QueryVersion known = full.get(version.version());
        if (known != null) {
            use.accept(known);
            return;
        }
        tasks.run("Loading version " + version.version(), () -> client.version(queryId, version.version()), loaded -> {
            full.put(loaded.version(), loaded);
            use.accept(loaded);
        }, message::set);
    }

    /** Hands the SQL of {@code version} to {@code restore}. */
    public void restore(QueryVersion version, Consumer<QueryVersion> restore) {
        withText(version, restore);
    }

    public ObservableList<QueryVersion> versions() {
        return versions;
    }

    public ObjectProperty<QueryVersion> olderProperty() {
        return older;
    }

    public ObjectProperty<QueryVersion> newerProperty() {
        return newer;
    }

    public ObservableList<LineDiff.Line> diff() {
        return diff;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
