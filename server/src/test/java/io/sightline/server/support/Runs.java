package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Runs queries through the API the way a client does: submit, poll the job, read the result. */
public final class Runs {

    private final Api api;

    public Runs(Api api) {
        this.api = api;
    }

    /**
     * Submits ad-hoc SQL with max_age 0 and returns the job JSON. A query that ends quickly is answered with its
     * finished job and its result at once.
     */
    public JsonNode submit(long dataSourceId, String sql) {
        return submit(Map.of("data_source_id", dataSourceId, "query", sql, "max_age", 0));
    }

    public JsonNode submit(Map<String, ?> body) {
        Api.Response response = api.post("/api/query_results", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return asJob(response.json());
    }

    /**
     * The job of a run answer: {@code {"job": ...}} as it is (with or without {@code query_result} beside it), a
     * cached {@code {"query_result": ...}} as a finished job naming the result.
     */
    public static JsonNode asJob(JsonNode answer) {
        if (answer.has("job")) {
            return answer.path("job");
        }
        assertThat(answer.has("query_result")).as(answer.toString()).isTrue();
        return Api.JSON.createObjectNode().put("status", 3)
                .put("query_result_id", answer.path("query_result").path("id").asLong());
    }

    /** The ended job: as it is when it has ended already, else polled until it does. */
    public JsonNode finish(JsonNode job) {
        return job.path("status").asInt() >= 3 ? job : await(job.path("id").asString());
    }

    /** The finished result of a run request's answer. */
    public JsonNode resultOf(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return finishedResult(finish(asJob(answer.json())));
    }

    /** Polls until the job ends and returns its final JSON. */
    public JsonNode await(String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api.get("/api/jobs/" + jobId).json().path("job");
            if (job.path("status").asInt() >= 3) {
                return job;
            }
            sleep(20);
        }
        throw new AssertionError("Job " + jobId + " did not end within 60 s");
    }

    /** Runs ad-hoc SQL to the end and returns the finished result's {@code query_result} JSON. */
    public JsonNode result(long dataSourceId, String sql) {
        return finishedResult(finish(submit(dataSourceId, sql)));
    }

    public JsonNode finishedResult(JsonNode job) {
        assertThat(job.path("status").asInt()).as("job " + job).isEqualTo(3);
        return api.get("/api/query_results/" + job.path("query_result_id").asLong()).json().path("query_result");
    }

    /** Runs to the end and returns the failed job's error message. */
    public String error(long dataSourceId, String sql) {
        JsonNode job = finish(submit(dataSourceId, sql));
        assertThat(job.path("status").asInt()).as("job " + job).isEqualTo(4);
        return job.path("error").asString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
