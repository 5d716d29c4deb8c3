package io.sightline.server.execution.embedded;

import io.sightline.server.execution.JobLimits;
import io.sightline.server.execution.JobStore;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.execution.UserJobs;
import io.sightline.server.system.LimitsProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** {@link UserJobs} of the embedded mode: the job ids of each user, pruned of ended jobs as they are counted. */
@Component
@Conditional(RedisMode.Off.class)
class InMemoryUserJobs implements UserJobs {

    private final JobStore jobs;
    private final int limit;
    /** user id → job id → when it was admitted */
    private final Map<Long, Map<String, Long>> byUser = new HashMap<>();

    InMemoryUserJobs(JobStore jobs, LimitsProperties limits) {
        this.jobs = jobs;
        this.limit = limits.maxJobsPerUser();
    }

    @Override
    public synchronized void admit(long userId, String jobId) {
        Map<String, Long> unfinished = byUser.computeIfAbsent(userId, id -> new HashMap<>());
        long now = System.currentTimeMillis();
        unfinished.entrySet().removeIf(admitted -> UserJobs.gone(jobs.find(admitted.getKey()), admitted.getValue(), now));
        if (unfinished.size() >= limit) {
            throw JobLimits.tooManyJobs(limit);
        }
        unfinished.put(jobId, now);
    }
}
