package io.sightline.desktop.connection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The desktop's end of a single sign-on in the system browser (the server's decision 0050): a one-request web
 * server on the loopback address only, on a port the system picks. The sign-in starts at the server's page with
 * that port, a random {@code state} and the SHA-256 of a random verifier; the server ends it by sending the browser
 * here with a one-time code and the same state. A request with another state is refused (some other page sent it);
 * the code alone is worth nothing without the verifier, which never leaves this process but to the server.
 */
final class LoopbackSignIn implements AutoCloseable {

    static final String PATH = "/sightline-sso";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String state = random();
    private final String verifier = random();
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackSignIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::answer);
        server.start();
    }

    static LoopbackSignIn start() throws IOException {
        return new LoopbackSignIn();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String verifier() {
        return verifier;
    }

    /** The server's sign-in page ({@code page}, absolute) with this desktop's loopback, state and challenge. */
    String startUrl(String page) {
        return page + (page.contains("?") ? "&" : "?") + "desktop_port=" + port() + "&desktop_state=" + state
                + "&desktop_challenge=" + challenge(verifier);
    }

    /** The code the browser brought back, once it has. */
    String awaitCode(Duration wait) throws TimeoutException, InterruptedException {
        try {
            return code.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean ours = "GET".equals(exchange.getRequestMethod()) && state.equals(query.get("state"))
                && query.get("code") != null && !query.get("code").isBlank();
        String page = ours
                ? "<h1>Signed in</h1><p>You can close this tab and go back to Sightline.</p>"
                : "<h1>Not this sign-in</h1><p>This address was not sent by the sign-in Sightline started.</p>";
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sightline</title></head><body>"
                + page + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(ours ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        if (ours) {
            code.complete(query.get("code"));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                if (parts.length == 2) {
                    values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                            URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** 32 random bytes, base64url (43 characters). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64url(SHA-256(verifier)), as PKCE's S256; the server checks the verifier against it. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return URLEncoder.encode(Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                    StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
