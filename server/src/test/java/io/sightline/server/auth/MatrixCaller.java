package io.sightline.server.auth;

import io.sightline.server.support.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One role of the authorization matrix calling the server: with nothing, a session cookie (signed in with a
 * password, as a browser), a key in the {@code Authorization} header, or a key as {@code ?api_key=}. A session
 * sends back any CSRF token cookie the server set, in the headers CSRF filters read, as a browser's script would.
 */
final class MatrixCaller {

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies;
    private final String keyHeader;
    private final String keyParameter;

    private MatrixCaller(int port, CookieManager cookies, String keyHeader, String keyParameter) {
        this.base = "http://127.0.0.1:" + port;
        this.cookies = cookies;
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (cookies == null ? builder : builder.cookieHandler(cookies)).build();
        this.keyHeader = keyHeader;
        this.keyParameter = keyParameter;
    }

    static MatrixCaller anonymous(int port) {
        return new MatrixCaller(port, null, null, null);
    }

    static MatrixCaller withKeyHeader(int port, String key) {
        return new MatrixCaller(port, null, key, null);
    }

    static MatrixCaller withKeyParameter(int port, String key) {
        return new MatrixCaller(port, null, null, key);
    }

    static MatrixCaller signedIn(int port, String email, String password) {
        var caller = new MatrixCaller(port, new CookieManager(), null, null);
        var login = caller.send("POST", "/login", Api.JSON.writeValueAsString(
                java.util.Map.of("email", email, "password", password)));
        if (login.status() != 200) {
            throw new AssertionError("Signing in as " + email + " failed: " + login);
        }
        return caller;
    }

    Api.Response send(String method, String path, String body) {
        String target = path;
        if (keyParameter != null) {
            target += (path.contains("?") ? "&" : "?") + "api_key=" + URLEncoder.encode(keyParameter, StandardCharsets.UTF_8);
        }
        var request = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30));
        if (keyHeader != null) {
            request.header("Authorization", "Key " + keyHeader);
        }
        boolean change = !method.equals("GET");
        if (change && cookies != null) {
            for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                String name = cookie.getName().toLowerCase(Locale.ROOT);
                if (name.contains("csrf") || name.contains("xsrf")) {
                    request.header("X-XSRF-TOKEN", cookie.getValue());
                    request.header("X-CSRF-TOKEN", cookie.getValue());
                    request.header("X-CSRFToken", cookie.getValue());
                }
            }
        }
        if (change) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
        } else {
            request.GET();
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new RuntimeException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
