package io.sightline.desktop.schema;

import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.desktop.api.SchemaTable;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
import javafx.collections.transformation.FilteredList;

/**
 * The data sources and the schema of the chosen one. A schema is fetched once per data source (again on
 * {@link #refresh()}) and shared with the editors for completion through {@link #schemaOf(long, Consumer)}.
 */
public final class SchemaViewModel {

    private final DataSourcesClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<DataSourceSummary> dataSources = FXCollections.observableArrayList();
    private final ObjectProperty<DataSourceSummary> selected = new SimpleObjectProperty<>();
    private final ObservableList<SchemaTable> tables = FXCollections.observableArrayList();
    private final FilteredList<SchemaTable> visibleTables = new FilteredList<>(tables);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<Long, List<SchemaTable>> cache = new HashMap<>();
    private final Map<Long, List<Consumer<List<SchemaTable>>>> waiting = new HashMap<>();

    public SchemaViewModel(DataSourcesClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        selected.addListener((obs, old, source) -> showSchema(source, false));
        filter.addListener((obs, old, text) -> visibleTables.setPredicate(matching(text)));
    }

    public void loadDataSources() {
        loading.set(true);
        tasks.run("Loading the data sources", client::dataSources, sources -> {
            loading.set(false);
            DataSourceSummary previous = selected.get();
            dataSources.setAll(sources);
            message.set(sources.isEmpty() ? "There are no data sources yet." : "");
            if (!sources.isEmpty()) {
                selected.set(sources.stream().filter(s -> previous != null && s.id() == previous.id())
                        .findFirst().orElse(sources.get(0)));
            }
        }, failure -> {
            loading.set(false);
            message.set(failure);
        });
    }

    /** Fetches the schema again from the database (the server's cache is bypassed). */
    public void refresh() {
        if (selected.get() != null) {
            cache.remove(selected.get().id());
            showSchema(selected.get(), true);
        }
    }

    /** Hands the schema of a data source to {@code use} (on the UI thread), loading it if needed. */
    public void schemaOf(long dataSourceId, Consumer<List<SchemaTable>> use) {
        List<SchemaTable> known = cache.get(dataSourceId);
        if (known != null) {
            use.accept(known);
            return;
        }
        boolean alreadyLoading = waiting.containsKey(dataSourceId);
        waiting.computeIfAbsent(dataSourceId, id -> new java.util.ArrayList<>()).add(use);
        if (!alreadyLoading) {
            fetch(dataSourceId, false);
        }
    }

    private void showSchema(DataSourceSummary source, boolean refresh) {
        tables.clear();
        if (source == null) {
            return;
        }
        List<SchemaTable> known = cache.get(source.id());
        if (known != null && !refresh) {
            tables.setAll(known);
            return;
        }
        waiting.computeIfAbsent(source.id(), id -> new java.util.ArrayList<>());
        fetch(source.id(), refresh);
    }

    private void fetch(long dataSourceId, boolean refresh) {
        loading.set(true);
        message.set("");
        tasks.run("Loading the schema", () -> client.schema(dataSourceId, refresh), schema -> {
            loading.set(false);
            cache.put(dataSourceId, schema);
            if (selected.get() != null && selected.get().id() == dataSourceId) {
                tables.setAll(schema);
                message.set(schema.isEmpty() ? "No tables found." : "");
            }
            List<Consumer<List<SchemaTable>>> users = waiting.remove(dataSourceId);
            if (users != null) {
                users.forEach(use -> use.accept(schema));
            }
        }, failure -> {
            loading.set(false);
            waiting.remove(dataSourceId);
            message.set(failure);
        });
    }

    /** A table matches when its name or one of its columns contains the text, ignoring case. */
    static java.util.function.Predicate<SchemaTable> matching(String text) {
        if (text == null || text.isBlank()) {
            return table -> true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return table -> table.name().toLowerCase(Locale.ROOT).contains(needle)
                || table.columns().stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).contains(needle));
    }

    public ObservableList<DataSourceSummary> dataSources() {
        return dataSources;
    }

    public ObjectProperty<DataSourceSummary> selectedProperty() {
        return selected;
    }

    public ObservableList<SchemaTable> visibleTables() {
        return visibleTables;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
