package io.sightline.desktop.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workbench's transport to one server: its address, the API key, HTTP, the cookies of a sign-in, and the
 * errors. The features' calls are in the per-feature clients of this package
 * ({@link SessionClient}, {@link QueriesClient}, {@link RunsClient}, {@link DashboardsClient}...), each built over
 * this transport. Every call blocks: make it from a background task, never from the FX thread. A failure is an
 * {@link ApiException} whose message can be shown as it is.
 */
public final class SightlineClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 12.50 stays 12.50, as the database said
            .build();

    private final HttpUrl base;
    private final String apiKey;
    private final OkHttpClient http;

    /** @throws ApiException when {@code baseUrl} is not an http(s) URL */
    public SightlineClient(String baseUrl, String apiKey) {
        HttpUrl parsed = HttpUrl.parse(baseUrl == null ? "" : baseUrl.strip());
        if (parsed == null) {
            throw new ApiException(0, "\"" + baseUrl + "\" is not a server address; use http://host:port");
        }
        this.base = parsed;
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    public String baseUrl() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    // package-private: the per-feature clients of this package (VisualizationsClient, ...) share this transport
    JsonNode get(HttpUrl url) {
        return call(new Request.Builder().url(url).get().build());
    }

    JsonNode delete(HttpUrl url) {
        return call(new Request.Builder().url(url).delete().build());
    }

    /** A DELETE with a JSON body, as Redash's {@code /acl} endpoints take one. */
    JsonNode delete(HttpUrl url, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(new Request.Builder().url(url).delete(RequestBody.create(json, JSON_TYPE)).build());
    }

    JsonNode post(HttpUrl url, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON_TYPE)).build());
    }

    /**
     * A POST in a session of its own (its cookies kept in memory only), closed again at once by a logout with the
     * session's CSRF token: a password sign-in that leaves the workbench with only the key it answered.
     */
    JsonNode postInOwnSession(HttpUrl url, Object body) {
        SessionCookies cookies = new SessionCookies();
        OkHttpClient withCookies = http.newBuilder().cookieJar(cookies).build();
        JsonNode answer = call(withCookies, new Request.Builder().url(url)
                .post(RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE)).build());
        try {
            Request.Builder logout = new Request.Builder().url(url("logout")).post(RequestBody.create(new byte[0]));
            cookies.value("XSRF-TOKEN").ifPresent(token -> logout.header("X-XSRF-TOKEN", token));
            call(withCookies, logout.build());
        } catch (ApiException ignored) {
            // the session would expire by itself; the key is what matters
        }
        return answer;
    }

    /** A streamed answer written to a file: its length and the answer's headers. */
    record Download(long bytes, okhttp3.Headers headers) {
    }

    /**
     * Streams the answer of a GET into {@code target}, replacing it; an interrupt (a cancelled task) stops the copy
     * between chunks and removes the partial file.
     */
    Download download(HttpUrl url, java.nio.file.Path target) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Key " + apiKey);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), failureMessage(response.code(), body == null ? "" : body.string()));
            }
            long written = 0;
            java.io.OutputStream out;
            try {
                out = java.nio.file.Files.newOutputStream(target);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + target.getFileName() + ": " + e, e);
            }
            try (java.io.InputStream in = body.byteStream(); out) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("cancelled");
                    }
                    out.write(chunk, 0, n);
                    written += n;
                }
            } catch (IOException e) {
                java.nio.file.Files.deleteIfExists(target);
                throw e;
            }
            return new Download(written, response.headers());
        } catch (IOException e) {
            throw new ApiException(unreachableMessage(e), e);
        }
    }

    private JsonNode call(Request request) {
        return call(http, request);
    }

    private JsonNode call(OkHttpClient client, Request request) {
        Request.Builder authorised = request.newBuilder().header("Accept", "application/json");
        if (!apiKey.isEmpty()) {
            authorised.header("Authorization", "Key " + apiKey);
        }
        try (Response response = client.newCall(authorised.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), failureMessage(response.code(), text));
            }
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new ApiException(unreachableMessage(e), e);
        } catch (JacksonException e) {
            throw new ApiException(500, "The server at " + baseUrl() + " sent an answer the workbench cannot read ("
                    + e.getOriginalMessage() + "). Is this a Sightline server?");
        }
    }

    /** Keeps the session cookie of one sign-in, in memory only. */
    private static final class SessionCookies implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            received.forEach(cookie -> cookies.removeIf(old -> old.name().equals(cookie.name())));
            cookies.addAll(received);
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(cookie -> cookie.matches(url)).toList();
        }

        synchronized java.util.Optional<String> value(String name) {
            return cookies.stream().filter(cookie -> cookie.name().equals(name)).map(Cookie::value).findFirst();
        }
    }

    private String failureMessage(int status, String body) {
        String serverMessage = null;
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : List.of("message", "detail", "title")) {
                if (json.hasNonNull(field) && !json.path(field).asString().isBlank()) {
                    serverMessage = json.path(field).asString();
                    break;
                }
            }
        } catch (JacksonException notJson) {
            // a proxy's HTML page or plain text: the status below says enough
        }
        return switch (status) {
            case 401 -> "The server at " + baseUrl() + " did not accept the API key. Check the key"
                    + " (the admin's key is in ~/.sightline/admin-api-key on the server).";
            case 403 -> serverMessage != null ? serverMessage : "You are not allowed to do this.";
            case 404 -> serverMessage != null ? serverMessage : "Not found on the server (" + baseUrl() + ").";
            default -> serverMessage != null ? serverMessage : "The server answered HTTP " + status + ".";
        };
    }

    private String unreachableMessage(IOException e) {
        String where = "Cannot reach the server at " + baseUrl();
        if (e instanceof ConnectException) {
            return where + ": the connection was refused. Is the server running, and is the port right?";
        }
        if (e instanceof UnknownHostException) {
            return where + ": the host name \"" + base.host() + "\" is unknown.";
        }
        if (e instanceof InterruptedIOException) {
            return where + ": it did not answer in time.";
        }
        return where + ": " + e.getMessage();
    }
}
