package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.RunAccessFixtures;
import io.sightline.server.support.Api;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What users see of jobs, the same whichever job store holds them. */
final class JobAccessChecks {

    private final Api admin;
    private final RunAccessFixtures access;
    private final long dataSource;
    private final String slowSql;

    /** @param slowSql SQL that runs longer than the server waits before answering with the job */
    JobAccessChecks(Api admin, long dataSource, String slowSql) {
        this.admin = admin;
        this.access = new RunAccessFixtures(admin);
        this.dataSource = dataSource;
        this.slowSql = slowSql;
        access.ungrantFromDefaultGroup(dataSource);
    }

    void hidesAJobFromUsersWhoCannotReachItsDataSource() {
        String job = start(admin);
        Api outsider = access.user("Outsider").api();
        var missing = outsider.get("/api/jobs/no-such-job");
        for (var hidden : new Api.Response[] {outsider.get("/api/jobs/" + job), outsider.delete("/api/jobs/" + job)}) {
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
            assertThat(hidden.message()).isEqualTo("Job " + job + " does not exist (or has expired)")
                    .isEqualTo(missing.message().replace("no-such-job", job));
        }
        var viewer = access.user("Viewer");
        access.grant(viewer, dataSource, true);
        var seen = viewer.api().get("/api/jobs/" + job);
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.json().path("job").path("id").asString()).isEqualTo(job);
    }

    void cancelsAJobOnlyForWhoStartedItOrAnAdmin() {
        var analyst = access.user("Analyst");
        access.grant(analyst, dataSource, false);
        var colleague = access.user("Colleague");
        access.grant(colleague, dataSource, false);

        String adminsJob = start(admin);
        var refused = colleague.api().delete("/api/jobs/" + adminsJob);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.message()).contains("Only the user who started job " + adminsJob);

        String own = start(analyst.api());
        var cancelled = analyst.api().delete("/api/jobs/" + own);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        String analystsJob = start(analyst.api());
        assertThat(colleague.api().delete("/api/jobs/" + analystsJob).status()).isEqualTo(403);
        var byAdmin = admin.delete("/api/jobs/" + analystsJob);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
    }

    /** A run of its own (a unique comment, so it joins no other run) answered with its job. */
    private String start(Api as) {
        var answer = as.post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", slowSql + " -- " + UUID.randomUUID(), "max_age", 0));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode job = answer.json().path("job");
        assertThat(job.path("id").asString()).as(answer.body()).isNotBlank();
        return job.path("id").asString();
    }
}
