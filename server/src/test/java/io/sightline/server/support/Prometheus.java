package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;

/** Reads {@code /actuator/prometheus} the way a Prometheus server does: without credentials, as text. */
public final class Prometheus {

    private final Api anonymous;

    public Prometheus(int port) {
        this.anonymous = new Api(port, null);
    }

    public String scrape() {
        Api.Response response = anonymous.get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series, named with all its labels in Prometheus' order, e.g. {@code x_total{a="1",b="2"}}. */
    public double value(String series) {
        OptionalDouble value = find(series);
        if (value.isEmpty()) {
            throw new AssertionError("No series " + series + " in /actuator/prometheus");
        }
        return value.getAsDouble();
    }

    public OptionalDouble find(String series) {
        return scrape().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst();
    }
}
