package io.sightline.desktop.connection;

import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SightlineClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.util.StringConverter;

/** The first screen: server address and API key ({@code ConnectionView.fxml}). */
public final class ConnectionView {

    private final ConnectionViewModel model;
    private final BiConsumer<SightlineClient, Session> onConnected;
    private final Parent root;

    @FXML private ComboBox<SavedConnection> serverField;
    @FXML private PasswordField apiKeyField;
    @FXML private CheckBox rememberBox;
    @FXML private Label messageLabel;
    @FXML private Button connectButton;

    public ConnectionView(ConnectionViewModel model, BiConsumer<SightlineClient, Session> onConnected) {
        this.model = model;
        this.onConnected = onConnected;
        FXMLLoader loader = new FXMLLoader(ConnectionView.class.getResource("ConnectionView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void initialize() {
        serverField.setItems(model.knownServers());
        serverField.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedConnection connection) {
                return connection == null ? "" : connection.url();
            }

            @Override
            public SavedConnection fromString(String text) {
                return new SavedConnection(text, null);
            }
        });
        serverField.getEditor().setText(model.urlProperty().get());
        serverField.getEditor().textProperty().addListener((obs, old, text) -> model.urlProperty().set(text));
        serverField.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen.apiKey() != null) {
                model.choose(chosen);
                apiKeyField.setText(model.apiKeyProperty().get());
            }
        });
        apiKeyField.textProperty().bindBidirectional(model.apiKeyProperty());
        rememberBox.selectedProperty().bindBidirectional(model.rememberProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        connectButton.disableProperty().bind(model.canConnect().not());
    }

    @FXML
    private void connect() {
        model.connect(onConnected);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor where the user has to type next. */
    public void focus() {
        if (model.urlProperty().get().isBlank()) {
            serverField.requestFocus();
        } else {
            apiKeyField.requestFocus();
        }
    }
}
