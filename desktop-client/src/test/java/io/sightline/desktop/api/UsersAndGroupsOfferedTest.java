package io.sightline.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sightline.desktop.support.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The workbench shows the Users and Groups screens only when the server has {@code /api/users}. */
class UsersAndGroupsOfferedTest {

    @Test
    void currentServerOffersThem() {
        assertThat(new UsersClient(new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY))
                .offersUsersAndGroups()).isTrue();
    }

    @Test
    void olderServerAnsweringNotFoundDoesNot() throws Exception {
        HttpServer older = answering(404, "{\"message\":\"No endpoint GET /api/users.\"}");
        try {
            var client = new SightlineClient("http://127.0.0.1:" + older.getAddress().getPort(), "key");
            UsersClient usersApi = new UsersClient(client);
            assertThat(usersApi.offersUsersAndGroups()).isFalse();
        } finally {
            older.stop(0);
        }
    }

    @Test
    void otherFailuresAreNotTakenForAMissingFeature() throws Exception {
        HttpServer failing = answering(500, "{\"message\":\"boom\"}");
        try {
            var client = new SightlineClient("http://127.0.0.1:" + failing.getAddress().getPort(), "key");
            UsersClient usersApi = new UsersClient(client);
            assertThatThrownBy(usersApi::offersUsersAndGroups).isInstanceOf(ApiException.class).hasMessage("boom");
        } finally {
            failing.stop(0);
        }
    }

    private static HttpServer answering(int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
