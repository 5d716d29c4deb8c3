package io.sightline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection dialog's logic against a stand-in server: sign-in by password or key, the messages a user gets
 * when it goes wrong, what is remembered where, and single sign-on shown only when the server offers it. The
 * work runs on the calling thread, so every assertion sees the finished result.
 */
class ConnectionViewModelTest {

    private static final String SESSION = """
            {"user":{"id":7,"name":"Ann","email":"ann@example.com","permissions":["view_query"],"api_key":"ann-key"}}""";

    @TempDir
    Path home;

    private final FakeServer server = new FakeServer();
    private final List<String> opened = new ArrayList<>();
    private final List<Session> connected = new ArrayList<>();
    private final List<SightlineClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private FileSecretStore secrets() {
        return new FileSecretStore(home);
    }

    private ConnectionViewModel model() {
        FileSecretStore secrets = secrets();
        ConnectionViewModel model = new ConnectionViewModel(new BackgroundTasks(new OnCallingThread(), Runnable::run),
                new ConnectionStore(home, secrets), secrets, opened::add);
        model.urlProperty().set(server.url());
        return model;
    }

    private void connect(ConnectionViewModel model) {
        model.connect((client, session) -> {
            clients.add(client);
            connected.add(session);
        });
    }

    private ConnectionViewModel byPassword(String email, String password) {
        ConnectionViewModel model = model();
        model.loginProperty().set(LoginKind.PASSWORD);
        model.emailProperty().set(email);
        model.passwordProperty().set(password);
        return model;
    }

    @Test
    void showsNoSingleSignOnWhenTheServerOffersNone() {
        server.on("GET /api/login_methods", 200, "{\"password\":true,\"sso\":[]}");
        ConnectionViewModel model = model();

        model.lookUpLoginMethods();

        assertThat(server.requests).contains("GET /api/login_methods");
        assertThat(model.singleSignOn()).isEmpty();
    }

    @Test
    void offersSingleSignOnWhenTheServerListsAProviderAndOpensItInTheBrowser() {
        server.on("GET /api/login_methods", 200,
                "{\"password\":true,\"sso\":[{\"id\":\"okta\",\"name\":\"Okta\",\"url\":\"/login/okta\"}]}");
        ConnectionViewModel model = model();

        model.lookUpLoginMethods();

        assertThat(model.singleSignOn()).extracting(provider -> provider.name()).containsExactly("Okta");
        model.signInWith(model.singleSignOn().get(0));
        assertThat(opened).containsExactly(server.url() + "/login/okta");
        assertThat(model.loginProperty().get()).isEqualTo(LoginKind.SSO);
        assertThat(model.messageProperty().get()).contains("paste the API key");

        server.acceptKey("ann-key", SESSION);
        model.apiKeyProperty().set("ann-key");
        connect(model);
        assertThat(connected).hasSize(1);
        assertThat(model.knownServers()).containsExactly(new SavedConnection(server.url(), LoginKind.SSO,
                "ann@example.com"));
    }

    @Test
    void aServerThatDoesNotListLoginMethodsOffersThePasswordOnly() {
        ConnectionViewModel model = model();

        model.lookUpLoginMethods();

        assertThat(model.singleSignOn()).isEmpty();
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void signsInWithThePasswordThenWorksWithTheUsersOwnKey() throws Exception {
        server.on("POST /login", 200, SESSION).on("POST /logout", 200, "").acceptKey("ann-key", SESSION);
        ConnectionViewModel model = byPassword("ann@example.com", "s3cret pass");

        connect(model);

        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(connected).extracting(Session::email).containsExactly("ann@example.com");
        assertThat(server.requests).containsSubsequence("POST /login", "POST /logout",
                "GET /api/session [Key ann-key]");
        assertThat(secrets().read(server.url())).contains("ann-key");
        String remembered = Files.readString(home.resolve("connections.json"));
        assertThat(remembered).contains(server.url()).contains("ann@example.com").contains("PASSWORD")
                .doesNotContain("ann-key");
        assertThat(Files.readString(home.resolve("api-keys.json"))).doesNotContain("s3cret pass");
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        server.on("POST /login", 401, "{\"detail\":\"Wrong email or password\"}");
        ConnectionViewModel model = byPassword("ann@example.com", "wrong");

        connect(model);

        assertThat(connected).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Wrong email or password for " + server.url() + ".");
        assertThat(model.connectingProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionViewModel model = byPassword("ann@example.com", "pass");
        model.urlProperty().set("127.0.0.1:" + closedPort);

        connect(model);

        assertThat(model.messageProperty().get())
                .startsWith("Cannot reach the server at http://127.0.0.1:" + closedPort)
                .contains("Is the server running");
    }

    @Test
    void aWrongKeyIsSaidPlainly() {
        server.acceptKey("ann-key", SESSION);
        ConnectionViewModel model = model();
        model.loginProperty().set(LoginKind.API_KEY);
        model.apiKeyProperty().set("not-ann-key");

        connect(model);

        assertThat(connected).isEmpty();
        assertThat(model.messageProperty().get()).contains("did not accept the API key");
    }

    @Test
    void aKeyTheUserDoesNotWantRememberedIsNotKept() {
        server.acceptKey("ann-key", SESSION);
        secrets().keep(server.url(), "older-key");
        ConnectionViewModel model = model();
        model.loginProperty().set(LoginKind.API_KEY);
        model.apiKeyProperty().set("ann-key");
        model.rememberProperty().set(false);

        connect(model);

        assertThat(connected).hasSize(1);
        assertThat(secrets().read(server.url())).isEmpty();
        assertThat(model.knownServers()).extracting(SavedConnection::url).containsExactly(server.url());
    }

    @Test
    void aRememberedServerSignsInWithItsKeptKeyWithoutThePassword() {
        server.on("POST /login", 200, SESSION).on("POST /logout", 200, "").acceptKey("ann-key", SESSION);
        connect(byPassword("ann@example.com", "s3cret pass"));

        ConnectionViewModel next = model();
        next.choose(next.knownServers().get(0));
        assertThat(next.emailProperty().get()).isEqualTo("ann@example.com");
        assertThat(next.passwordProperty().get()).isEmpty();
        assertThat(next.canConnect().get()).isTrue();
        connect(next);

        assertThat(connected).hasSize(2);
        assertThat(server.requests.stream().filter(r -> r.equals("POST /login"))).hasSize(1);
    }

    @Test
    void aKeptKeyThatNoLongerWorksAsksForThePasswordAgain() {
        server.on("POST /login", 200, SESSION).on("POST /logout", 200, "").acceptKey("ann-key", SESSION);
        connect(byPassword("ann@example.com", "s3cret pass"));
        server.acceptKey("a-new-key", SESSION);

        ConnectionViewModel next = model();
        next.choose(next.knownServers().get(0));
        connect(next);

        assertThat(connected).hasSize(1);
        assertThat(next.messageProperty().get()).contains("no longer accepted").contains("Enter your password");
        assertThat(secrets().read(server.url())).isEmpty();
        assertThat(next.canConnect().get()).isFalse();
    }

    @Test
    void forgettingAServerRemovesItAndItsKey() {
        server.acceptKey("ann-key", SESSION);
        ConnectionViewModel model = model();
        model.loginProperty().set(LoginKind.API_KEY);
        model.apiKeyProperty().set("ann-key");
        connect(model);

        model.forget(model.knownServers().get(0));

        assertThat(model.knownServers()).isEmpty();
        assertThat(model().knownServers()).isEmpty();
        assertThat(secrets().read(server.url())).isEmpty();
        assertThat(model.apiKeyProperty().get()).isEmpty();
    }

    @Test
    void theDialogSaysWhereTheKeyIsKept() {
        assertThat(model().keyLocation()).contains(home.resolve("api-keys.json").toString());
    }

    /** Runs each task at once on the calling thread, so a test sees its outcome on the next line. */
    private static final class OnCallingThread extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
