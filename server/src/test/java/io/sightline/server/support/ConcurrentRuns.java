package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Submits several slow queries at once and watches PostgreSQL while they run: how many of them it ran at the
 * same moment, and whether some of them waited in the queue meanwhile.
 */
public final class ConcurrentRuns {

    private final Api api;

    public ConcurrentRuns(Api api) {
        this.api = api;
    }

    /** What PostgreSQL showed while the jobs ran, and how each ended. */
    public record Observed(int mostAtOnce, boolean someWaitedQueued, List<JsonNode> ended) {
    }

    /**
     * Submits {@code count} distinct {@code pg_sleep(seconds)} queries carrying {@code marker} on the data source
     * (in parallel, so that a run request waiting for a fast answer does not space them out), then samples
     * {@code pg_stat_activity} until every job has ended.
     */
    public Observed run(long dataSource, String marker, int count, double seconds) throws Exception {
        ExecutorService submitters = Executors.newFixedThreadPool(count);
        List<JsonNode> submittedJobs = new ArrayList<>();
        try {
            List<Future<JsonNode>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String sql = "SELECT pg_sleep(" + seconds + "), " + i + " AS " + marker;
                submitted.add(submitters.submit(() -> Runs.asJob(post(dataSource, sql))));
            }
            for (Future<JsonNode> job : submitted) {
                submittedJobs.add(job.get());
            }
        } finally {
            submitters.shutdownNow();
        }
        int most = 0;
        boolean waited = false;
        List<JsonNode> ended = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            most = Math.max(most, PostgresActivity.activeStatements(marker));
            ended.clear();
            int queued = 0;
            for (JsonNode submittedJob : submittedJobs) {
                JsonNode job = submittedJob.has("id") // else answered with its result at once
                        ? api.get("/api/jobs/" + submittedJob.path("id").asString()).json().path("job") : submittedJob;
                if (job.path("status").asInt() >= 3) {
                    ended.add(job);
                } else if (job.path("status").asInt() == 1) {
                    queued++;
                }
            }
            waited |= queued > 0 && PostgresActivity.activeStatements(marker) > 0;
            if (ended.size() == submittedJobs.size()) {
                break;
            }
            Runs.sleep(30);
        }
        return new Observed(most, waited, ended);
    }

    private JsonNode post(long dataSource, String sql) {
        Api.Response response = api.post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", 0));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
