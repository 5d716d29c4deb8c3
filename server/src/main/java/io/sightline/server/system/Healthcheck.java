package io.sightline.server.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -jar server.jar healthcheck URL}: exit 0 when URL answers 2xx within 3 s, else 1. The image's
 * HEALTHCHECK uses it (a JRE image has no curl); nothing of Spring starts.
 */
public final class Healthcheck {

    public static final String COMMAND = "healthcheck";

    private Healthcheck() {
    }

    public static int run(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:5000/actuator/health/liveness";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() / 100 == 2;
            System.out.println(url + " " + response.statusCode());
            return ok ? 0 : 1;
        } catch (Exception e) {
            System.out.println(url + " " + e);
            return 1;
        }
    }
}
