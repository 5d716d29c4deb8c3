package io.sightline.desktop.connection;

import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.LoginMethods;
import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog: which server, and how to sign in (password, API key, or single sign-on when the server
 * offers it). Whatever the way in, the workbench then works with the user's API key, which is remembered in the
 * {@link SecretStore} when the user asks for it; a password is never kept.
 */
public final class ConnectionViewModel {

    private final BackgroundTasks tasks;
    private final ConnectionStore store;
    private final SecretStore secrets;
    private final Consumer<String> browser;
    private final StringProperty url = new SimpleStringProperty("http://localhost:5000");
    private final ObjectProperty<LoginKind> login = new SimpleObjectProperty<>(LoginKind.PASSWORD);
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper keyRemembered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<SavedConnection> known = FXCollections.observableArrayList();
    private final ObservableList<LoginMethods.Sso> singleSignOn = FXCollections.observableArrayList();
    private String methodsAskedOf = "";
    private Duration singleSignOnWait = Duration.ofMinutes(5);

    /** @param browser opens a web page in the system browser (for single sign-on) */
    public ConnectionViewModel(BackgroundTasks tasks, ConnectionStore store, SecretStore secrets,
                               Consumer<String> browser) {
        this.tasks = tasks;
        this.store = store;
        this.secrets = secrets;
        this.browser = browser;
        List<SavedConnection> saved = store.load();
        known.setAll(saved);
        if (!saved.isEmpty()) {
            choose(saved.get(0));
        }
        url.addListener((obs, old, now) -> keyRemembered.set(false));
    }

    /** Fills the form from a remembered server; its key, when one was kept, will be used without asking. */
    public void choose(SavedConnection connection) {
        if (connection == null) {
            return;
        }
        url.set(connection.url());
        login.set(connection.login());
        email.set(connection.user());
        password.set("");
        String kept = secrets.read(connection.url()).orElse("");
        apiKey.set(connection.login() == LoginKind.PASSWORD ? "" : kept);
        keyRemembered.set(!kept.isBlank());
    }

    /** An empty form for a server not in the list yet. */
    public void addServer() {
        url.set("");
        login.set(LoginKind.PASSWORD);
        email.set("");
        password.set("");
        apiKey.set("");
        singleSignOn.clear();
        methodsAskedOf = "";
        message.set("");
    }

    /** The remembered server the address field names, if it names one. */
    public Optional<SavedConnection> rememberedServer() {
        String address = normalise(url.get());
        return known.stream().filter(server -> server.url().equals(address)).findFirst();
    }

    /** Removes the server from the list and its key from wherever keys are kept; the next one is chosen. */
    public void forget(SavedConnection connection) {
        if (connection == null) {
            return;
        }
        store.forget(connection.url());
        known.remove(connection);
        if (known.isEmpty()) {
            addServer();
        } else {
            choose(known.get(0));
        }
        message.set("Forgot " + connection.url() + " and its key.");
    }

    /**
     * Asks the server how one may sign in, so that single sign-on buttons show only for providers it offers.
     * Quiet on failure: a wrong address is explained when the user connects.
     */
    public void lookUpLoginMethods() {
        String address = normalise(url.get());
        if (url.get().isBlank() || address.equals(methodsAskedOf)) {
            return;
        }
        methodsAskedOf = address;
        try {
            tasks.run("Asking " + address + " how to sign in",
                    () -> beforeSignIn(address).loginMethods(), methods -> {
                        if (address.equals(methodsAskedOf)) {
                            singleSignOn.setAll(methods.sso());
                        }
                    }, failure -> {
                        if (address.equals(methodsAskedOf)) {
                            singleSignOn.clear();
                            methodsAskedOf = "";
                        }
                    });
        } catch (RejectedExecutionException closing) {
            methodsAskedOf = ""; // the window is going away (its field lost focus as it closed): nothing to show
        }
    }

    /**
     * Signs in with a single sign-on provider in the system browser: the server's sign-in page opens with this
     * desktop's loopback address ({@link LoopbackSignIn}); once the user has signed in there, the browser brings a
     * one-time code back, which the server trades for the user's own API key. From then on it is as a key login.
     */
    public void signInWith(LoginMethods.Sso provider, BiConsumer<SightlineClient, Session> onConnected) {
        String address = normalise(url.get());
        String page = provider.url().contains("://") ? provider.url() : address + provider.url();
        LoopbackSignIn loopback;
        try {
            loopback = LoopbackSignIn.start();
        } catch (java.io.IOException e) {
            message.set("Could not wait for the browser on this computer (" + e.getMessage() + "); sign in with your"
                    + " API key instead.");
            return;
        }
        String start = loopback.startUrl(page);
        login.set(LoginKind.SSO); // the server is remembered as signed in by SSO
        connecting.set(true);
        message.set("Sign in with " + provider.name() + " in your browser; Sightline goes on by itself afterwards.");
        try {
            browser.accept(start);
        } catch (RuntimeException noBrowser) {
            message.set("Could not open a browser; open " + start + " yourself.");
        }
        Duration wait = singleSignOnWait;
        try {
            tasks.run("Signing in with " + provider.name(), () -> {
                try (loopback) {
                    String code;
                    try {
                        code = loopback.awaitCode(wait);
                    } catch (TimeoutException e) {
                        throw new ApiException(0, "The sign-in with " + provider.name() + " did not finish within "
                                + wait.toMinutes() + " minutes; try again.");
                    }
                    String key = beforeSignIn(address).keyFromSingleSignOn(code, loopback.verifier());
                    SightlineClient client = new SightlineClient(address, key);
                    return new Connected(client, new SessionClient(client).session(), key);
                }
            }, connected -> {
                apiKey.set(connected.key());
                connected(address, LoginKind.SSO, connected, onConnected);
            }, failure -> {
                connecting.set(false);
                message.set(failure);
            });
        } catch (RejectedExecutionException closing) {
            loopback.close();
            connecting.set(false);
        }
    }

    /** How long a single sign-on in the browser may take. */
    void waitForSingleSignOn(Duration wait) {
        singleSignOnWait = wait;
    }

    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(() -> !connecting.get() && !url.get().isBlank() && switch (login.get()) {
            case PASSWORD -> !email.get().isBlank() && (!password.get().isEmpty() || keyRemembered.get());
            case API_KEY, SSO -> !apiKey.get().isBlank();
        }, connecting, url, login, email, password, apiKey, keyRemembered);
    }

    /** Signs in; on success remembers the server (and the key when asked) and hands over client and session. */
    public void connect(BiConsumer<SightlineClient, Session> onConnected) {
        if (!canConnect().get()) {
            message.set(login.get() == LoginKind.PASSWORD ? "Enter the server address, your email and password."
                    : "Enter the server address and your API key.");
            return;
        }
        String address = normalise(url.get());
        LoginKind kind = login.get();
        String user = email.get().strip();
        String secret = kind == LoginKind.PASSWORD ? password.get() : apiKey.get().strip();
        boolean withKeptKey = kind == LoginKind.PASSWORD && secret.isEmpty();
        String keptKey = withKeptKey ? secrets.read(address).orElse("") : "";
        connecting.set(true);
        message.set((kind == LoginKind.PASSWORD ? "Signing in to " : "Connecting to ") + address + "...");
        tasks.run("Connecting to " + address, () -> {
            String key = switch (kind) {
                case PASSWORD -> withKeptKey ? keptKey : beforeSignIn(address).logIn(user, secret);
                case API_KEY, SSO -> secret;
            };
            SightlineClient client = new SightlineClient(address, key);
            try {
                return new Connected(client, new SessionClient(client).session(), key);
            } catch (ApiException e) {
                if (withKeptKey && e.status() == 401) {
                    throw new ApiException(401, "The key remembered for " + address
                            + " is no longer accepted. Enter your password to sign in again.");
                }
                throw e;
            }
        }, connected -> connected(address, kind, connected, onConnected), failure -> {
            connecting.set(false);
            if (withKeptKey) {
                secrets.forget(address);
                keyRemembered.set(false);
            }
            message.set(failure);
        });
    }

    private void connected(String address, LoginKind kind, Connected connected,
                           BiConsumer<SightlineClient, Session> onConnected) {
        connecting.set(false);
        message.set("");
        remember(address, kind, connected);
        onConnected.accept(connected.client(), connected.session());
    }

    private void remember(String address, LoginKind kind, Connected connected) {
        store.remember(new SavedConnection(address, kind, connected.session().email()));
        try {
            if (remember.get()) {
                secrets.keep(address, connected.key());
            } else {
                secrets.forget(address);
            }
        } catch (RuntimeException e) {
            System.getLogger(ConnectionViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "The API key is not remembered: " + e.getMessage());
        }
        known.setAll(store.load());
    }

    /** The server at {@code address} asked by no one yet: how to sign in, and the sign-in itself. */
    private static SessionClient beforeSignIn(String address) {
        return new SessionClient(new SightlineClient(address, null));
    }

    private record Connected(SightlineClient client, Session session, String key) {
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

    /** For the dialog: where a remembered key is kept on this computer. */
    public String keyLocation() {
        return "The key is kept " + secrets.whereKept() + ".";
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<LoginKind> loginProperty() {
        return login;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** True when a key from an earlier sign-in is kept for this server, so the password may stay empty. */
    public ReadOnlyBooleanProperty keyRememberedProperty() {
        return keyRemembered.getReadOnlyProperty();
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

    /** The single sign-on providers the server offers; empty (and the button hidden) when it offers none. */
    public ObservableList<LoginMethods.Sso> singleSignOn() {
        return singleSignOn;
    }
}
