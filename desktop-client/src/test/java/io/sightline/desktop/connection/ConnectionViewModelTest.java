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
import java.util.Map;
import java.time.Duration;
import java.net.URI;
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
        return model(opened::add);
    }

    private ConnectionViewModel model(java.util.function.Consumer<String> browser) {
        FileSecretStore secrets = secrets();
        ConnectionViewModel model = new ConnectionViewModel(new BackgroundTasks(new OnCallingThread(), Runnable::run),
                new ConnectionStore(home, secrets), secrets, browser);
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
    void singleSignOnOpensTheBrowserAndGoesOnWithTheKeyTheLoopbackCodeIsTradedFor() throws Exception {
        server.on("GET /api/login_methods", 200,
                "{\"password\":true,\"sso\":[{\"id\":\"oidc\",\"name\":\"Okta\",\"url\":\"/login/sso\"}]}")
                .on("POST /login/sso/desktop_key", 200, "{\"user\":{\"id\":7,\"api_key\":\"ann-key\"}}")
                .acceptKey("ann-key", SESSION);
        // the browser: signs in at the server, which sends it to the desktop's loopback with a code and the state
        ConnectionViewModel model = model(page -> {
            opened.add(page);
            Map<String, String> query = query(URI.create(page));
            loopbackAnswers.add(visit("http://127.0.0.1:" + query.get("desktop_port") + "/sightline-sso?code=one-time"
                    + "&state=" + query.get("desktop_state")));
        });

        model.lookUpLoginMethods();
        assertThat(model.singleSignOn()).extracting(provider -> provider.name()).containsExactly("Okta");
        model.signInWith(model.singleSignOn().get(0), (client, session) -> connected.add(session));

        URI start = URI.create(opened.get(0));
        assertThat(start.toString()).startsWith(server.url() + "/login/sso?");
        Map<String, String> query = query(start);
        assertThat(query.get("desktop_state")).hasSize(43);
        assertThat(query.get("desktop_challenge")).hasSize(43);
        assertThat(loopbackAnswers).containsExactly(200);
        assertThat(server.bodies.get("POST /login/sso/desktop_key")).contains("\"code\":\"one-time\"")
                .contains("\"code_verifier\"").doesNotContain(query.get("desktop_challenge"));
        assertThat(connected).extracting(Session::email).containsExactly("ann@example.com");
        assertThat(model.knownServers()).containsExactly(new SavedConnection(server.url(), LoginKind.SSO,
                "ann@example.com"));
        assertThat(secrets().read(server.url())).as("the key is remembered, as for a key login").hasValue("ann-key");
    }

    @Test
    void aLoopbackVisitWithAnotherStateIsRefusedAndTheSignInEndsWithAMessage() throws Exception {
        server.on("GET /api/login_methods", 200,
                "{\"password\":true,\"sso\":[{\"id\":\"oidc\",\"name\":\"Okta\",\"url\":\"/login/sso\"}]}");
        ConnectionViewModel model = model(page -> {
            opened.add(page);
            loopbackAnswers.add(visit("http://127.0.0.1:" + query(URI.create(page)).get("desktop_port")
                    + "/sightline-sso?code=stolen&state=someone-elses"));
        });
        model.waitForSingleSignOn(Duration.ofMillis(300));
        model.lookUpLoginMethods();

        model.signInWith(model.singleSignOn().get(0), (client, session) -> connected.add(session));

        assertThat(loopbackAnswers).containsExactly(400);
        assertThat(server.requests).doesNotContain("POST /login/sso/desktop_key");
        assertThat(connected).isEmpty();
        assertThat(model.messageProperty().get()).contains("did not finish");
        assertThat(model.connectingProperty().get()).isFalse();
    }

    private final List<Integer> loopbackAnswers = new ArrayList<>();

    private static int visit(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(url))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return values;
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
