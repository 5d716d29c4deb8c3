package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A client written the way Redash's own scripts and web client are (its API documentation's {@code poll_job}, the
 * toolbelt's {@code paginate}): it reads {@code job} from every run answer that is not a cached result, polls
 * {@code GET /api/jobs/{id}} until status 3 or 4, then fetches {@code query_result_id}; it pages until
 * {@code page * page_size >= count}. It knows nothing of Sightline's shortcuts.
 */
final class RedashWayClient {

    private final Api api;
    /** How many times a job was polled, to tell a run answered finished from one that needed polling. */
    private int polls;

    RedashWayClient(Api api) {
        this.api = api;
    }

    /** {@code POST /api/query_results}, polled to its end: the {@code query_result}. */
    JsonNode runAdHoc(String pathAndQuery, Map<String, ?> body) {
        return followRun(api.post(pathAndQuery, body));
    }

    /**
     * {@code POST /api/queries/{id}/results}, polled to its end as Redash's web client does it (the job under the
     * query's path), and the result fetched as Redash's example script {@code get_fresh_query_result} does:
     * {@code GET /api/queries/{id}/results/{result id}.json}.
     */
    JsonNode runSaved(long queryId, String urlParameters, Map<String, ?> body) {
        Api.Response answer = api.post("/api/queries/" + queryId + "/results" + urlParameters, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode job = answer.json().path("job");
        assertThat(job.path("id").asString()).as("a run with max_age 0 has a job: " + answer).isNotBlank();
        long resultId = pollUntilEnded(job, "/api/queries/" + queryId + "/jobs/").path("query_result_id").asLong();
        Api.Response result = api.get("/api/queries/" + queryId + "/results/" + resultId + ".json");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json().path("query_result");
    }

    /** What Redash's {@code poll_job} does with a run's answer. */
    JsonNode followRun(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode body = answer.json();
        if (!body.has("job")) { // Redash answers only a cached result without a job
            assertThat(body.has("query_result")).as(answer.toString()).isTrue();
            return body.path("query_result");
        }
        JsonNode job = body.path("job");
        assertThat(job.path("id").asString()).as("every job can be polled: " + answer).isNotBlank();
        job = pollUntilEnded(job, "/api/jobs/");
        Api.Response result = api.get("/api/query_results/" + job.path("query_result_id").asLong());
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json().path("query_result");
    }

    /** {@code poll_job}: the job as it is until its status is 3 or 4; it must have finished (3). */
    private JsonNode pollUntilEnded(JsonNode job, String jobsPath) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (job.path("status").asInt() != 3 && job.path("status").asInt() != 4) {
            assertThat(System.nanoTime()).as("job ends within 60 s: " + job).isLessThan(deadline);
            sleep();
            polls++;
            Api.Response polled = api.get(jobsPath + job.path("id").asString());
            assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
            job = polled.json().path("job");
        }
        assertThat(job.path("status").asInt()).as("the job failed: " + job).isEqualTo(3);
        return job;
    }

    /** The toolbelt's {@code paginate}: every item of a paged list. */
    List<JsonNode> paginate(String path, int pageSize) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            String separator = path.contains("?") ? "&" : "?";
            Api.Response response = api.get(path + separator + "page=" + page + "&page_size=" + pageSize);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode list = response.json();
            list.path("results").forEach(items::add);
            if (list.path("page").asInt() * list.path("page_size").asInt() >= list.path("count").asInt()) {
                return items;
            }
        }
    }

    int polls() {
        return polls;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
