package io.sightline.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Prometheus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatusTest extends EmbeddedServerTest {

    @Test
    void embeddedStatusShowsTheInProcessQueueAndCounts() {
        var response = api().get("/status.json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.path("mode").asString()).isEqualTo("embedded");
        assertThat(status.path("role").asString()).isEqualTo("all");
        assertThat(status.path("queues").path("in-process").path("waiting").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(status.path("counts").path("users").asLong()).isPositive();
    }

    @Test
    void prometheusShowsTheMetadataStoreReachable() {
        var prometheus = new Prometheus(port);
        await().atMost(Duration.ofSeconds(5)).until(() -> prometheus.value("sightline_metadata_store_up") == 1);
        assertThat(prometheus.value("sightline_metadata_store_outages_total")).isZero();
    }

    @Test
    void statusNeedsAnAdmin() {
        var response = anonymous().get("/status.json");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).contains("Authentication required");
    }
}
