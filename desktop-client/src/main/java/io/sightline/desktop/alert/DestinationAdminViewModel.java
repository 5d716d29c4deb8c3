package io.sightline.desktop.alert;

import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.desktop.admin.OptionField;
import io.sightline.desktop.admin.SchemaFormModel;
import io.sightline.desktop.api.DestinationSummary;
import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Alert destinations for admins: the list, and a form for one whose fields come from its type's configuration
 * schema (as data sources'); secrets come masked and are sent back unchanged unless retyped; a test send.
 */
public final class DestinationAdminViewModel implements SchemaFormModel {

    private final DestinationsClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<DestinationSummary> destinations = FXCollections.observableArrayList();
    private final ObservableList<DataSourceType> types = FXCollections.observableArrayList();
    private final ObjectProperty<DataSourceType> type = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableList<OptionField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Long editing;

    public DestinationAdminViewModel(DestinationsClient client, BackgroundTasks tasks) {
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

    private record Lists(List<DataSourceType> types, List<DestinationSummary> destinations) {
    }

    public void load() {
        tasks.run("Loading destinations", () -> new Lists(client.destinationTypes(), client.destinations()), lists -> {
            types.setAll(lists.types());
            destinations.setAll(lists.destinations());
            if (type.get() == null && !lists.types().isEmpty()) {
                type.set(lists.types().get(0));
            }
        }, message::set);
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

    public void edit(DestinationSummary destination) {
        tasks.run("Loading the destination", () -> client.destination(destination.id()), detail -> {
            editing = detail.id();
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
            message.set("Editing \"" + detail.name() + "\"");
        }, message::set);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
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
        tasks.run("Saving the destination", () -> client.saveDestination(id, chosenName, chosenType, options),
                saved -> {
                    editing = saved.id();
                    message.set("Saved \"" + chosenName + "\"."
                            + (id == null && saved.options() != null && saved.options().get("secret") instanceof String s
                            && !s.startsWith("-") ? " Signing secret (shown once): " + s : ""));
                    load();
                    onSaved.run();
                }, message::set);
    }

    public void delete() {
        Long id = editing;
        if (id == null) {
            return;
        }
        tasks.run("Deleting the destination", () -> {
            client.deleteDestination(id);
            return id;
        }, deleted -> {
            editing = null;
            message.set("Deleted.");
            load();
        }, message::set);
    }

    /** Sends a test notification with the saved settings. */
    public void test() {
        Long id = editing;
        if (id == null) {
            message.set("Save the destination first, then test it.");
            return;
        }
        tasks.run("Sending a test notification", () -> Optional.ofNullable(client.testDestination(id)),
                failure -> message.set(failure.map(text -> "Test failed: " + text).orElse("Test notification sent.")),
                message::set);
    }

    public ObservableList<DestinationSummary> destinations() {
        return destinations;
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
