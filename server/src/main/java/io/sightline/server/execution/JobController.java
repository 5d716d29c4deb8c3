package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.result.ResultAccess;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobController {

    private final QueryRuns runs;
    private final ResultAccess access;

    JobController(QueryRuns runs, ResultAccess access) {
        this.runs = runs;
        this.access = access;
    }

    @GetMapping("/api/jobs/{id}")
    Map<String, Job> get(@PathVariable String id) {
        return Map.of("job", runs.job(id, CurrentUser.get()));
    }

    /** Redash's web client polls this path too; the query must be one the caller sees (else 404). */
    @GetMapping("/api/queries/{queryId}/jobs/{id}")
    Map<String, Job> getOfQuery(@PathVariable long queryId, @PathVariable String id) {
        access.readableQuery(queryId);
        return get(id);
    }

    @DeleteMapping("/api/jobs/{id}")
    Map<String, Job> cancel(@PathVariable String id) {
        return Map.of("job", runs.cancel(id, CurrentUser.get()));
    }
}
