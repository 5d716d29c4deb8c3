package io.sightline.desktop.connection;

import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

/** The connection dialog: which server, which key; checks both by asking the server who we are. */
public final class ConnectionViewModel {

    private final BackgroundTasks tasks;
    private final ConnectionStore store;
    private final StringProperty url = new SimpleStringProperty("http://localhost:5000");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<SavedConnection> known = FXCollections.observableArrayList();

    public ConnectionViewModel(BackgroundTasks tasks, ConnectionStore store) {
        this.tasks = tasks;
        this.store = store;
        List<SavedConnection> saved = store.load();
        known.setAll(saved);
        if (!saved.isEmpty()) {
            choose(saved.get(0));
        }
    }

    /** Fills the form from a remembered server. */
    public void choose(SavedConnection connection) {
        if (connection == null) {
            return;
        }
        url.set(connection.url());
        apiKey.set(connection.apiKey() == null ? "" : connection.apiKey());
    }

    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(
                () -> !connecting.get() && !url.get().isBlank() && !apiKey.get().isBlank(), connecting, url, apiKey);
    }

    /** Asks the server for the session; on success remembers the server and hands over client and session. */
    public void connect(BiConsumer<SightlineClient, Session> onConnected) {
        if (url.get().isBlank() || apiKey.get().isBlank()) {
            message.set("Enter the server address and your API key.");
            return;
        }
        String address = normalise(url.get());
        String key = apiKey.get().strip();
        connecting.set(true);
        message.set("Connecting to " + address + "...");
        tasks.run("Connecting to " + address, () -> {
            SightlineClient client = new SightlineClient(address, key);
            return new Connected(client, client.session());
        }, connected -> {
            connecting.set(false);
            message.set("");
            store.remember(new SavedConnection(address, remember.get() ? key : null));
            onConnected.accept(connected.client(), connected.session());
        }, failure -> {
            connecting.set(false);
            message.set(failure);
        });
    }

    private record Connected(SightlineClient client, Session session) {
    }

    /** "localhost:5000" is meant as http://localhost:5000; a trailing slash is dropped. */
    static String normalise(String address) {
        String text = address.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<SavedConnection> knownServers() {
        return known;
    }
}
