package io.sightline.desktop.admin;

import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Data sources for admins: the list, and a form for one (new or existing) whose fields come from the type's
 * configuration schema. Secrets of an existing data source come masked from the server and are sent back
 * unchanged unless retyped.
 */
public final class DataSourceAdminViewModel implements SchemaFormModel {

    private final DataSourcesClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<DataSourceSummary> dataSources = FXCollections.observableArrayList();
    private final ObservableList<DataSourceType> types = FXCollections.observableArrayList();
    private final ObjectProperty<DataSourceType> type = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableList<OptionField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Long editing;

    public DataSourceAdminViewModel(DataSourcesClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        type.addListener((obs, old, chosen) -> {
            fields.setAll(chosen == null ? List.of() : OptionField.of(chosen.configurationSchema()));
            if (editing == null) {
                values.clear();
                fields.forEach(f -> {
                    if (f.defaultValue() != null) {
                        values.put(f.name(), f.defaultValue().toString());
                    }
                });
            }
        });
    }

    public void load() {
        tasks.run("Loading data source types", () -> new Lists(client.dataSourceTypes(), client.dataSources()),
                lists -> {
                    types.setAll(lists.types());
                    dataSources.setAll(lists.sources());
                    if (type.get() == null && !lists.types().isEmpty()) {
                        type.set(lists.types().get(0));
                    }
                }, message::set);
    }

    private record Lists(List<DataSourceType> types, List<DataSourceSummary> sources) {
    }

    public void startNew() {
        editing = null;
        name.set("");
        values.clear();
        DataSourceType first = types.isEmpty() ? null : types.get(0);
        type.set(null);
        type.set(first);
        message.set("");
    }

    public void edit(DataSourceSummary source) {
        tasks.run("Loading the data source", () -> client.dataSource(source.id()), detail -> {
            editing = source.id();
            name.set(detail.name());
            values.clear();
            type.set(types.stream().filter(t -> t.type().equals(detail.type())).findFirst().orElse(null));
            Map<String, Object> options = detail.options() == null ? Map.of() : detail.options();
            for (OptionField field : fields) {
                Object value = options.get(field.name());
                if (value != null) {
                    values.put(field.name(), value.toString());
                }
            }
            message.set("Editing \"" + source.name() + "\"");
        }, message::set);
    }

    /** The problems of the form, empty when it can be saved. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (name.get().isBlank()) {
            problems.add("Name is required");
        }
        if (type.get() == null) {
            problems.add("Choose a type");
        }
        for (OptionField field : fields) {
            String problem = field.problem(values.get(field.name()));
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    public void save(Runnable onSaved) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            message.set(String.join("; ", problems));
            return;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionField field : fields) {
            Object value = field.value(values.get(field.name()));
            if (value != null) {
                options.put(field.name(), value);
            }
        }
        Long id = editing;
        String chosenType = type.get().type();
        String chosenName = name.get().strip();
        tasks.run("Saving the data source", () -> {
            if (id == null) {
                return client.createDataSource(chosenName, chosenType, options);
            }
            client.updateDataSource(id, chosenName, chosenType, options);
            return id;
        }, savedId -> {
            editing = savedId;
            message.set("Saved \"" + chosenName + "\".");
            load();
            onSaved.run();
        }, message::set);
    }

    /** Asks the server to connect with the saved settings. */
    public void test() {
        Long id = editing;
        if (id == null) {
            message.set("Save the data source first, then test it.");
            return;
        }
        message.set("Testing the connection...");
        tasks.run("Testing the connection", () -> java.util.Optional.ofNullable(client.testDataSource(id)),
                failure -> message.set(failure.map(text -> "Connection failed: " + text).orElse("Connection works.")),
                message::set);
    }

    public ObservableList<DataSourceSummary> dataSources() {
        return dataSources;
    }

    public ObservableList<DataSourceType> types() {
        return types;
    }

    public ObjectProperty<DataSourceType> typeProperty() {
        return type;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableMap<String, String> values() {
        return values;
    }

    public ObservableList<OptionField> fields() {
        return fields;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
