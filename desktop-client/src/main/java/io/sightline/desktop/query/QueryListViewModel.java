package io.sightline.desktop.query;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.QueryScope;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.concurrent.Future;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved queries, filtered on the server: all, mine, my favourites or my recently used ones, narrowed by search text
 * and a tag. Stars are toggled here and the list follows at once.
 */
public final class QueryListViewModel {

    static final int PAGE_SIZE = 100;

    private final QueriesClient client;
    private final BackgroundTasks tasks;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<QueryScope> scope = new SimpleObjectProperty<>(QueryScope.ALL);
    private final StringProperty tag = new SimpleStringProperty();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<Query> queries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Future<?> pending;

    public QueryListViewModel(QueriesClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        scope.addListener((obs, old, chosen) -> {
            if (chosen == null) {
                scope.set(old); // a toggle group lets the chosen button be clicked off; a list always has a scope
            } else {
                reload();
            }
        });
        tag.addListener((obs, old, chosen) -> reload());
    }

    /** Loads the list for the current filters; a newer reload makes an older one's answer be ignored. */
    public void reload() {
        if (pending != null) {
            pending.cancel(true);
        }
        String text = search.get() == null ? "" : search.get();
        QueryScope chosen = scope.get();
        String chosenTag = tag.get();
        loading.set(true);
        pending = tasks.run("Loading the saved queries",
                () -> client.queries(chosen, text, chosenTag, 1, PAGE_SIZE), page -> {
                    loading.set(false);
                    queries.setAll(page.results());
                    message.set(page.results().isEmpty() ? emptyMessage(chosen, text, chosenTag)
                            : page.count() > page.results().size() ? "Showing " + page.results().size() + " of "
                                    + page.count() + "; search to narrow down." : "");
                }, failure -> {
                    loading.set(false);
                    message.set(failure);
                });
        loadTags();
    }

    private void loadTags() {
        tasks.run("Loading the query tags", client::queryTags, loaded -> {
            String chosen = tag.get();
            tags.setAll(loaded);
            if (chosen != null && !tags.contains(chosen)) {
                tags.add(chosen); // keep the filter the user chose visible even if no query carries it now
            }
        }, failure -> { /* the list's own message says what is wrong with the server */ });
    }

    private static String emptyMessage(QueryScope scope, String text, String tag) {
        if (!text.isBlank() || (tag != null && !tag.isBlank())) {
            return "No query matches" + (text.isBlank() ? "" : " \"" + text.strip() + "\"")
                    + (tag == null || tag.isBlank() ? "" : " with tag #" + tag) + ".";
        }
        return switch (scope) {
            case ALL -> "No saved queries yet.";
            case MINE -> "You have not saved a query yet.";
            case FAVORITES -> "No favourites yet: star a query to keep it here.";
            case RECENT -> "No recent queries: the queries you open, run or save show up here.";
        };
    }

    /** Stars an unstarred query and unstars a starred one; under Favourites an unstarred query leaves the list. */
    public void toggleFavorite(Query query) {
        boolean star = !query.favorite();
        tasks.run(star ? "Adding to favourites" : "Removing from favourites",
                () -> client.favoriteQuery(query.id(), star), updated -> {
                    int index = indexOf(updated.id());
                    if (index < 0) {
                        return;
                    }
                    if (!star && scope.get() == QueryScope.FAVORITES) {
                        queries.remove(index);
                        if (queries.isEmpty()) {
                            message.set(emptyMessage(QueryScope.FAVORITES, search.get() == null ? "" : search.get(),
                                    tag.get()));
                        }
                    } else {
                        queries.set(index, updated);
                    }
                }, message::set);
    }

    private int indexOf(long id) {
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<QueryScope> scopeProperty() {
        return scope;
    }

    /** The tag to filter by; null = any tag. */
    public StringProperty tagProperty() {
        return tag;
    }

    /** The tags there are to choose from, the most used first. */
    public ObservableList<String> tags() {
        return tags;
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
