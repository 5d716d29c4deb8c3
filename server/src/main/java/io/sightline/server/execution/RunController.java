package io.sightline.server.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.execution.parameters.UrlParameterValues;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.result.AnswerBodies;
import io.sightline.server.result.ResultResponses;
import io.sightline.server.result.ResultStore;
import io.sightline.server.system.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running SQL (answers are streamed: a result can be large): {@code {"query_result": ...}} when a fresh enough
 * result exists in the cache, else {@code {"job": ...}}, with {@code "query_result"} beside it when the job ended
 * while the request waited ({@link RunAnswer}).
 */
@RestController
class RunController {

    private final QueryRuns runs;
    private final ResultStore results;
    private final SavedQueries savedQueries;
    private final JsonMapper json;

    RunController(QueryRuns runs, ResultStore results, SavedQueries savedQueries, JsonMapper json) {
        this.runs = runs;
        this.results = results;
        this.savedQueries = savedQueries;
        this.json = json;
    }

    /** @param limit Sightline: a result in the answer carries only its first {@code limit} rows (for paging clients) */
    record AdHocRun(@JsonProperty("data_source_id") Long dataSourceId, String query,
                    @JsonProperty("max_age") Integer maxAge, Map<String, Object> parameters,
                    @JsonProperty("query_id") Long queryId, Integer limit,
                    @JsonProperty("apply_auto_limit") Boolean applyAutoLimit) {
    }

    /** Without {@code apply_auto_limit}, the query's own {@code options.apply_auto_limit} decides, as in Redash. */
    record SavedRun(@JsonProperty("max_age") Integer maxAge, Map<String, Object> parameters, Integer limit,
                    @JsonProperty("apply_auto_limit") Boolean applyAutoLimit) {
    }

    /** Without {@code parameters} in the body, values come from the URL ({@code ?p_<name>=}), as in Redash. */
    @PostMapping("/api/query_results")
    ResponseEntity<?> runAdHoc(@RequestBody AdHocRun body, @RequestParam MultiValueMap<String, String> url) {
        return refusedAsFailedJob(() -> {
            if (body.dataSourceId() == null) { // 401, as Redash answers it ("Please select data source ...")
                throw new ApiException(HttpStatus.UNAUTHORIZED,
                        "'data_source_id' is required: the data source to run the query on");
            }
            ResultResponses.checkFirstRows(body.limit());
            var caller = CurrentUser.get();
            RunAnswer answer = runs.runAdHoc(caller, body.dataSourceId(), body.query(), body.parameters(),
                    UrlParameterValues.of(url), body.queryId(), body.maxAge(),
                    Boolean.TRUE.equals(body.applyAutoLimit()));
            if (body.queryId() != null) {
                savedQueries.recordUse(caller.id(), body.queryId()); // the editor runs a saved query's text this way
            }
            return answer(answer, body.limit());
        });
    }

    /** Values may also come from the URL in Redash's forms ({@link UrlParameterValues}); the body's win. */
    @PostMapping("/api/queries/{id}/results")
    ResponseEntity<?> runSaved(@PathVariable long id, @RequestBody(required = false) SavedRun body,
                               @RequestParam MultiValueMap<String, String> url) {
        return refusedAsFailedJob(() -> {
            SavedRun run = body == null ? new SavedRun(null, null, null, null) : body;
            ResultResponses.checkFirstRows(run.limit());
            var caller = CurrentUser.get();
            RunAnswer answer = runs.runSaved(caller, id, run.parameters(), UrlParameterValues.of(url), run.maxAge(),
                    run.applyAutoLimit());
            savedQueries.recordUse(caller.id(), id);
            return answer(answer, run.limit());
        });
    }

    /**
     * Redash's refresh: the saved query run now (never from the cache), values from {@code ?p_<name>=} only; full
     * access to its data source needed. Answered as a run of the query is.
     */
    @PostMapping("/api/queries/{id}/refresh")
    ResponseEntity<?> refresh(@PathVariable long id, @RequestParam MultiValueMap<String, String> url) {
        return refusedAsFailedJob(() -> {
            var caller = CurrentUser.get();
            RunAnswer answer = runs.refreshNow(caller, id, UrlParameterValues.of(url));
            savedQueries.recordUse(caller.id(), id);
            return answer(answer, null);
        });
    }

    /**
     * A refused run (no data source, no access, paused, a missing or invalid parameter, a limit) is answered with
     * its problem detail and, beside it, the failed job Redash answers it with: its clients show {@code job.error}.
     */
    private static ResponseEntity<?> refusedAsFailedJob(Supplier<ResponseEntity<?>> run) {
        try {
            return run.get();
        } catch (ApiException e) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("status", JobStatus.FAILED.code());
            job.put("error", e.getMessage());
            throw e.with("job", job);
        }
    }

    private ResponseEntity<?> answer(RunAnswer answer, Integer limit) {
        if (answer instanceof RunAnswer.Cached cached) {
            return ResultResponses.json(results, cached.queryResultId(), limit);
        }
        if (answer instanceof RunAnswer.Finished finished) {
            return ResultResponses.json(results, finished.job().queryResultId(), limit,
                    Map.of("job", json.valueToTree(finished.job())));
        }
        Map<String, Object> job = Map.of("job", ((RunAnswer.Queued) answer).job());
        return AnswerBodies.inline(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON), out -> json.writeValue(out, job));
    }
}
