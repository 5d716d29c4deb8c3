package io.sightline.server.execution.redis;

import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobLimits;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.execution.UserJobs;
import io.sightline.server.system.LimitsProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.resps.Tuple;

/**
 * {@link UserJobs} shared by every API process: a sorted set per user ({@code userjobs:<user id>}: job id scored
 * by when it was admitted). Counting, pruning ended jobs and adding the new one happen in one optimistic
 * transaction (WATCH on the user's set), so two API processes cannot both admit the user's last free place.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisUserJobs implements UserJobs {

    private final RedisConnection redis;
    private final RedisJobStore jobs;
    private final int limit;
    private final long lifetimeMillis;

    RedisUserJobs(RedisConnection redis, RedisJobStore jobs, LimitsProperties limits, ExecutionProperties execution) {
        this.redis = redis;
        this.jobs = jobs;
        this.limit = limits.maxJobsPerUser();
        // a job lives at most this long in the job store: the set of a user who stops running queries goes away
        this.lifetimeMillis = execution.jobRetention().toMillis() + UserJobs.CREATING_MILLIS;
    }

    @Override
    public void admit(long userId, String jobId) {
        String key = redis.key("userjobs:" + userId);
        redis.call(jedis -> {
            while (true) {
                jedis.watch(key);
                long now = System.currentTimeMillis();
                List<String> gone = new ArrayList<>();
                List<Tuple> admitted = jedis.zrangeWithScores(key, 0, -1);
                for (Tuple job : admitted) {
                    if (UserJobs.gone(jobs.find(job.getElement()), (long) job.getScore(), now)) {
                        gone.add(job.getElement());
                    }
                }
                if (admitted.size() - gone.size() >= limit) {
                    jedis.unwatch();
                    throw JobLimits.tooManyJobs(limit);
                }
                Transaction transaction = jedis.multi();
                if (!gone.isEmpty()) {
                    transaction.zrem(key, gone.toArray(String[]::new));
                }
                transaction.zadd(key, now, jobId);
                transaction.pexpire(key, lifetimeMillis);
                if (transaction.exec() != null) {
                    return null;
                }
            }
        });
    }
}
