package io.sightline.server.result;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A file fetched over HTTP as a browser or script saves it: status, headers and the bytes as sent. */
record Download(int status, HttpResponse<byte[]> response) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param apiKey a user's key (sent as {@code Authorization: Key}), or a query's key as {@code ?api_key=} when {@code inUrl} */
    static Download get(int port, String path, String apiKey, boolean inUrl) {
        String url = "http://127.0.0.1:" + port + path + (inUrl ? (path.contains("?") ? "&" : "?") + "api_key=" + apiKey : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (!inUrl) {
            request.header("Authorization", "Key " + apiKey);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    byte[] bytes() {
        return response.body();
    }

    String text() {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + response.headers().map() + " " + text().substring(0, Math.min(500, text().length()));
    }
}
