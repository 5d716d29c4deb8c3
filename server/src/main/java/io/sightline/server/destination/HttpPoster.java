package io.sightline.server.destination;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Posts JSON to chat services and webhooks: any 2xx answer is a delivery, anything else a failure to retry. */
@Component
class HttpPoster {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_CHARS = 300;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    void post(String url, String json, Map<String, String> headers) throws DeliveryFailure {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("The destination's URL is not valid");
        }
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("User-Agent", "Sightline-Alerts");
        headers.forEach(request::header);
        request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailure("The destination could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending");
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > MAX_ANSWER_CHARS) {
                body = body.substring(0, MAX_ANSWER_CHARS) + "…";
            }
            throw new DeliveryFailure("The destination answered HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + body));
        }
    }
}
