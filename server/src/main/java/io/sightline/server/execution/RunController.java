package io.sightline.server.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.result.ResultResponses;
import io.sightline.server.result.ResultStore;
import io.sightline.server.system.ApiException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running SQL (both answers are streamed: a cached result can be large): answers {@code {"query_result": ...}} when a fresh enough result exists, else {@code {"job": ...}}.
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

    record AdHocRun(@JsonProperty("data_source_id") Long dataSourceId, String query,
                    @JsonProperty("max_age") Integer maxAge, Map<String, Object> parameters,
                    @JsonProperty("query_id") Long queryId) {
    }

    record SavedRun(@JsonProperty("max_age") Integer maxAge, Map<String, Object> parameters) {
    }

    @PostMapping("/api/query_results")
    ResponseEntity<StreamingResponseBody> runAdHoc(@RequestBody AdHocRun body) {
        if (body.dataSourceId() == null) {
            throw ApiException.badRequest("'data_source_id' is required: the data source to run the query on");
        }
        return answer(runs.runAdHoc(CurrentUser.get(), body.dataSourceId(), body.query(), body.parameters(),
                body.queryId(), body.maxAge()));
    }

    @PostMapping("/api/queries/{id}/results")
    ResponseEntity<StreamingResponseBody> runSaved(@PathVariable long id, @RequestBody(required = false) SavedRun body) {
        SavedRun run = body == null ? new SavedRun(null, null) : body;
        return answer(runs.runSaved(CurrentUser.get(), id, run.parameters(), run.maxAge()));
    }

    @GetMapping({"/api/queries/{id}/results", "/api/queries/{id}/results.json"})
    ResponseEntity<StreamingResponseBody> latestJson(@PathVariable long id) {
        return ResultResponses.json(results, latestResultId(id));
    }

    @GetMapping("/api/queries/{id}/results.csv")
    ResponseEntity<StreamingResponseBody> latestCsv(@PathVariable long id) {
        return ResultResponses.csv(results, latestResultId(id));
    }

    private long latestResultId(long queryId) {
        var query = savedQueries.find(queryId)
                .orElseThrow(() -> ApiException.notFound("Query " + queryId + " does not exist"));
        if (query.latestQueryDataId() == null) {
            throw ApiException.notFound("Query " + queryId + " has not been run yet");
        }
        return query.latestQueryDataId();
    }

    private ResponseEntity<StreamingResponseBody> answer(RunAnswer answer) {
        if (answer instanceof RunAnswer.Cached cached) {
            return ResultResponses.json(results, cached.queryResultId());
        }
        Map<String, Object> job = Map.of("job", ((RunAnswer.Queued) answer).job());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, job));
    }
}
