package io.sightline.desktop.admin;

import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.desktop.api.SnippetsClient;
import io.sightline.desktop.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Admin: the query snippets the editor's completion offers. Anyone may create one; the server lets only its
 * creator or an admin change or delete it, and its refusal is shown as the message.
 */
public final class SnippetAdminViewModel {

    private final SnippetsClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<QuerySnippet> snippets = FXCollections.observableArrayList();
    private final ObjectProperty<QuerySnippet> selected = new SimpleObjectProperty<>();
    private final StringProperty trigger = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SnippetAdminViewModel(SnippetsClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run("Loading query snippets", client::querySnippets, snippets::setAll, message::set);
    }

    public void select(QuerySnippet snippet) {
        selected.set(snippet);
        trigger.set(snippet == null ? "" : snippet.trigger());
        description.set(snippet == null ? "" : snippet.description());
        text.set(snippet == null ? "" : snippet.snippet());
    }

    /** Starts a new snippet: the fields are cleared and Save creates it. */
    public void startNew() {
        select(null);
        message.set("");
    }

    public void save() {
        if (trigger.get().isBlank() || text.get().isEmpty()) {
            message.set("A snippet needs a trigger and its text");
            return;
        }
        QuerySnippet editing = selected.get();
        Long id = editing == null ? null : editing.id();
        tasks.run("Saving the snippet", () -> client.saveQuerySnippet(id, trigger.get().strip(), description.get(),
                text.get()), saved -> {
            snippets.removeIf(s -> s.id() == saved.id());
            snippets.add(saved);
            snippets.sort(java.util.Comparator.comparing(s -> s.trigger().toLowerCase(java.util.Locale.ROOT)));
            select(saved);
            message.set((id == null ? "Created" : "Saved") + " the snippet \"" + saved.trigger() + "\".");
        }, message::set);
    }

    public void delete() {
        QuerySnippet snippet = selected.get();
        if (snippet == null) {
            message.set("Choose a snippet first.");
            return;
        }
        tasks.run("Deleting the snippet", () -> {
            client.deleteQuerySnippet(snippet.id());
            return snippet;
        }, deleted -> {
            snippets.removeIf(s -> s.id() == deleted.id());
            select(null);
            message.set("Deleted the snippet \"" + deleted.trigger() + "\".");
        }, message::set);
    }

    public ObservableList<QuerySnippet> snippets() {
        return snippets;
    }

    public ObjectProperty<QuerySnippet> selectedProperty() {
        return selected;
    }

    public StringProperty triggerProperty() {
        return trigger;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
