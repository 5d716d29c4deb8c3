package io.sightline.desktop.connection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in server for view-model tests: fixed JSON per method and path (404 for the rest); {@code GET
 * /api/session} answers only a request carrying the {@linkplain #acceptKey accepted key}, 401 otherwise.
 */
final class FakeServer implements AutoCloseable {

    record Answer(int status, String json) {
    }

    private final HttpServer http;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The body of each request, by method and path (the last one sent). */
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    private volatile String acceptedKey = "";

    FakeServer() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", this::answer);
        http.start();
    }

    FakeServer on(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
        return this;
    }

    FakeServer acceptKey(String key, String sessionJson) {
        acceptedKey = key;
        return on("GET /api/session", 200, sessionJson);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(request + (key == null ? "" : " [" + key + "]"));
        bodies.put(request, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer answer = answers.getOrDefault(request, new Answer(404, "{\"message\":\"Not found\"}"));
        if (request.equals("GET /api/session") && !("Key " + acceptedKey).equals(key)) {
            answer = new Answer(401, "{\"message\":\"Invalid API key\"}");
        }
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
