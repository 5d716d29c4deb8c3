package io.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API as a client sees it: run, poll the job, read the result. */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger RESENT = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;
    /** Between two looks at a job that has not ended: none (as fast as a client can), or a client's pause. */
    private final Duration jobPollPause;

    BenchHttp(int port, String key) {
        this("http://127.0.0.1:" + port, key, Duration.ZERO);
    }

    private BenchHttp(String base, String key, Duration jobPollPause) {
        this.base = base;
        this.key = key;
        this.jobPollPause = jobPollPause;
    }

    /**
     * The same server, but a job that is not answered within the run's answer window is looked at every {@code pause}
     * rather than as fast as the client can: many clients looking without a pause keep a 2-core machine's CPU busy
     * answering them, and every other process (the worker measured) waits for a core.
     */
    BenchHttp pausingBetweenJobLooks(Duration pause) {
        return new BenchHttp(base, key, pause);
    }

    String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path, Map<String, ?> body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Submits a run and waits for its result id, polling the job (if any) as fast as a client can. */
    long runToResult(String path, Map<String, ?> body) {
        return resultOf(post(path, body));
    }

    /** The finished result ({@code query_result} JSON) of a run, as a client gets it: in the answer, or after polling. */
    JsonNode runToResultJson(String path, Map<String, ?> body) {
        JsonNode answer = post(path, body);
        if (answer.has("query_result")) {
            return answer.path("query_result");
        }
        return get("/api/query_results/" + resultOf(answer)).path("query_result");
    }

    /** The result id of a run answer: at once for {@code query_result}, else by polling the job. */
    long resultOf(JsonNode answer) {
        if (answer.has("query_result")) {
            return answer.path("query_result").path("id").asLong();
        }
        String jobId = answer.path("job").path("id").asString();
        while (true) {
            JsonNode job = get("/api/jobs/" + jobId).path("job");
            int status = job.path("status").asInt();
            if (status == 3) {
                return job.path("query_result_id").asLong();
            }
            if (status > 3) {
                throw new IllegalStateException("Job ended with status " + status + ": " + job.path("error").asString());
            }
            pause();
        }
    }

    private void pause() {
        if (jobPollPause.isZero()) {
            Thread.onSpinWait();
            return;
        }
        try {
            Thread.sleep(jobPollPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests sent a second time because the server closed a kept-alive connection before answering them. */
    static int resent() {
        return RESENT.get();
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", "Key " + key).build();
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException closedUnderUs) {
                // Tomcat may close a kept-alive connection just as the client reuses it ("received no bytes"); a
                // script would send again. A run sent twice joins the first (same SQL in flight) or runs once more.
                RESENT.incrementAndGet();
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
