package io.sightline.desktop.connection;

import io.sightline.desktop.api.LoginMethods;
import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SightlineClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/** The first screen: which server and how to sign in ({@code ConnectionView.fxml}). */
public final class ConnectionView {

    private final ConnectionViewModel model;
    private final BiConsumer<SightlineClient, Session> onConnected;
    private final Parent root;

    @FXML private ComboBox<SavedConnection> serverField;
    @FXML private Button forgetButton;
    @FXML private RadioButton passwordChoice;
    @FXML private RadioButton apiKeyChoice;
    @FXML private Label emailLabel;
    @FXML private TextField emailField;
    @FXML private Label passwordLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label apiKeyLabel;
    @FXML private PasswordField apiKeyField;
    @FXML private CheckBox rememberBox;
    @FXML private Label keyLocationLabel;
    @FXML private FlowPane ssoBox;
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
        bindServerList();
        bindLoginKind();
        emailField.textProperty().bindBidirectional(model.emailProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        passwordField.promptTextProperty().bind(Bindings.when(model.keyRememberedProperty())
                .then("remembered key: leave empty").otherwise("your password"));
        apiKeyField.textProperty().bindBidirectional(model.apiKeyProperty());
        rememberBox.selectedProperty().bindBidirectional(model.rememberProperty());
        keyLocationLabel.setText(model.keyLocation());
        messageLabel.textProperty().bind(model.messageProperty());
        connectButton.disableProperty().bind(model.canConnect().not());
        bindSingleSignOn();
        model.lookUpLoginMethods();
    }

    private void bindServerList() {
        serverField.setItems(model.knownServers());
        serverField.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedConnection connection) {
                return connection == null ? "" : connection.url();
            }

            @Override
            public SavedConnection fromString(String text) {
                return model.knownServers().stream().filter(known -> known.url().equals(text)).findFirst()
                        .orElse(null);
            }
        });
        serverField.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SavedConnection connection, boolean empty) {
                super.updateItem(connection, empty);
                setText(empty || connection == null ? null : connection.toString());
            }
        });
        serverField.getEditor().setText(model.urlProperty().get());
        serverField.getEditor().textProperty().addListener((obs, old, text) -> model.urlProperty().set(text));
        model.urlProperty().addListener((obs, old, text) -> {
            if (!serverField.getEditor().getText().equals(text)) {
                serverField.getEditor().setText(text);
            }
        });
        serverField.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.choose(chosen);
                model.lookUpLoginMethods();
            }
        });
        serverField.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.lookUpLoginMethods();
            }
        });
        forgetButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.rememberedServer().isEmpty(), model.urlProperty(), model.knownServers()));
    }

    private void bindLoginKind() {
        passwordChoice.setSelected(model.loginProperty().get() == LoginKind.PASSWORD);
        apiKeyChoice.setSelected(model.loginProperty().get() != LoginKind.PASSWORD);
        passwordChoice.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                model.loginProperty().set(LoginKind.PASSWORD);
            }
        });
        apiKeyChoice.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                model.loginProperty().set(LoginKind.API_KEY);
            }
        });
        model.loginProperty().addListener((obs, old, kind) -> {
            passwordChoice.setSelected(kind == LoginKind.PASSWORD);
            apiKeyChoice.setSelected(kind != LoginKind.PASSWORD);
        });
        BooleanBinding byPassword = model.loginProperty().isEqualTo(LoginKind.PASSWORD);
        showWhen(byPassword, emailLabel, emailField, passwordLabel, passwordField);
        showWhen(byPassword.not(), apiKeyLabel, apiKeyField);
    }

    private void bindSingleSignOn() {
        ssoBox.visibleProperty().bind(Bindings.isNotEmpty(model.singleSignOn()));
        ssoBox.managedProperty().bind(ssoBox.visibleProperty());
        model.singleSignOn().addListener((ListChangeListener<LoginMethods.Sso>) change -> showProviders());
        showProviders();
    }

    private void showProviders() {
        ssoBox.getChildren().setAll(model.singleSignOn().stream().map(provider -> {
            Button button = new Button("Sign in with " + provider.name() + "\u2026");
            button.setId("sso-" + provider.id());
            button.disableProperty().bind(model.connectingProperty());
            button.setOnAction(event -> model.signInWith(provider, onConnected));
            return button;
        }).toList());
    }

    private static void showWhen(BooleanBinding condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    @FXML
    private void connect() {
        model.connect(onConnected);
    }

    @FXML
    private void addServer() {
        serverField.setValue(null);
        model.addServer();
        serverField.requestFocus();
    }

    @FXML
    private void forgetServer() {
        SavedConnection chosen = model.rememberedServer().orElse(null);
        serverField.setValue(null);
        model.forget(chosen);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor where the user has to type next. */
    public void focus() {
        if (model.urlProperty().get().isBlank()) {
            serverField.requestFocus();
        } else if (model.loginProperty().get() != LoginKind.PASSWORD) {
            apiKeyField.requestFocus();
        } else if (model.emailProperty().get().isBlank()) {
            emailField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
    }
}
