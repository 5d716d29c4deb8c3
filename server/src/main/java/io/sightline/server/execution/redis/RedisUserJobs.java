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
import redis.clients.jedis.resps.Tuple;

/**
 * {@link UserJobs} shared by every API process: a sorted set per user ({@code userjobs:<user id>}: job id scored
 * by when it was admitted). Counting, pruning ended jobs and adding the new one are one optimistic compare-and-set
 * (the set is written only if it is still as it was read), so two API processes cannot both admit the user's last
 * free place.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisUserJobs implements UserJobs {

    /**
     * Prunes the ended jobs and adds the new one only if the user's set still holds exactly the members and scores
     * that were read (else answers 0 and the caller reads it again): one round trip where WATCH/MULTI/EXEC cost four
     * beside the read, on every run the API admits (issue 10). KEYS: the user's set; ARGV: now, the new job id, the
     * set's lifetime in ms, how many members were read, each member read with its score, then the members to prune.
     */
    private static final String ADMIT_IF_UNCHANGED = """
            local read = tonumber(ARGV[4])
            local current = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            if #current ~= 2 * read then
                return 0
            end
            for i = 1, 2 * read, 2 do
                if current[i] ~= ARGV[4 + i] or tonumber(current[i + 1]) ~= tonumber(ARGV[5 + i]) then
                    return 0
                end
            end
            for i = 5 + 2 * read, #ARGV do
                redis.call('ZREM', KEYS[1], ARGV[i])
            end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";

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
                long now = System.currentTimeMillis();
                List<Tuple> admitted = jedis.zrangeWithScores(key, 0, -1);
                List<String> args = new ArrayList<>(List.of(Long.toString(now), jobId, Long.toString(lifetimeMillis),
                        Integer.toString(admitted.size())));
                List<String> gone = new ArrayList<>();
                for (Tuple job : admitted) {
                    args.add(job.getElement());
                    args.add(Double.toString(job.getScore())); // compared as a number: this prints it exactly
                    if (UserJobs.gone(jobs.find(job.getElement()), (long) job.getScore(), now)) {
                        gone.add(job.getElement());
                    }
                }
                if (admitted.size() - gone.size() >= limit) {
                    throw JobLimits.tooManyJobs(limit);
                }
                args.addAll(gone);
                if (Long.valueOf(1).equals(jedis.eval(ADMIT_IF_UNCHANGED, List.of(key), args))) {
                    return null;
                }
                // the set changed meanwhile (another run of the user's): count again
            }
        });
    }
}
