package io.sightline.common.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobs in Redash's {@code serialize_job} shape, read back by the desktop client (and the Redis job store). */
class JobJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OffsetDateTime at = OffsetDateTime.parse("2026-12-06T04:00:00Z");

    @Test
    void aCancelledJobIsWrittenAsFailedWithRedashsMessageAndReadBackAsCancelled() {
        Job cancelled = new Job("j1", JobStatus.CANCELLED, Job.CANCELLED_ERROR, null, null, at, at, at, 3, "h");

        JsonNode tree = json.valueToTree(cancelled);

        assertThat(tree.path("status").asInt()).isEqualTo(4);
        assertThat(tree.path("error").asString()).isEqualTo("Query cancelled by user.");
        assertThat(tree.path("cancelled").asBoolean()).isTrue();
        Job read = json.treeToValue(tree, Job.class);
        assertThat(read).isEqualTo(cancelled);
        assertThat(read.status().ended()).isTrue();
    }

    @Test
    void aJobWithoutErrorAnswersAnEmptyErrorAndAFailedOneStaysFailed() {
        Job queued = new Job("j2", JobStatus.QUEUED, null, null, null, at, at, null, 3, "h");
        JsonNode tree = json.valueToTree(queued);
        assertThat(tree.path("error").isString()).isTrue();
        assertThat(tree.path("error").asString()).isEmpty();
        assertThat(tree.path("cancelled").asBoolean()).isFalse();
        assertThat(json.treeToValue(tree, Job.class).hasError()).isFalse();

        Job failed = new Job("j3", JobStatus.FAILED, "boom", null, null, at, at, at, 3, "h");
        assertThat(json.treeToValue(json.valueToTree(failed), Job.class).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void statusFiveFromAnOlderServerStillReadsAsCancelled() {
        Job read = json.readValue("{\"id\":\"j4\",\"status\":5,\"error\":\"Query was cancelled\"}", Job.class);
        assertThat(read.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(read.cancelled()).isTrue();
    }
}
