package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import io.sightline.server.auth.CurrentUser;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/jobs")
class JobController {

    private final QueryRuns runs;

    JobController(QueryRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/{id}")
    Map<String, Job> get(@PathVariable String id) {
        return Map.of("job", runs.job(id, CurrentUser.get()));
    }

    @DeleteMapping("/{id}")
    Map<String, Job> cancel(@PathVariable String id) {
        return Map.of("job", runs.cancel(id, CurrentUser.get()));
    }
}
