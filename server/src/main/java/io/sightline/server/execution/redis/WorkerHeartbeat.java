package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import io.sightline.server.execution.RunningStatements;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.XClaimParams;

/**
 * Every {@code heartbeat} a worker shows it is alive: it renews its presence key ({@code worker:<id>}), the idle
 * time of the entries it holds (XCLAIM JUSTID to itself), its jobs' in-flight locks and data source leases,
 * and looks for cancel requests of the jobs it runs.
 */
@Component
@Conditional(RedisMode.Workers.class)
class WorkerHeartbeat {

    private final RedisConnection redis;
    private final RedisJobStore jobs;
    private final RunningStatements statements;
    private final RedisDataSourceSlots slots;
    private final WorkerState state;
    private final WorkerOutage outage;
    private final long beatMillis;

    WorkerHeartbeat(RedisConnection redis, RedisJobStore jobs, RunningStatements statements, RedisDataSourceSlots slots,
                    WorkerState state, WorkerOutage outage, RedisQueueProperties properties) {
        this.redis = redis;
        this.jobs = jobs;
        this.statements = statements;
        this.slots = slots;
        this.state = state;
        this.outage = outage;
        this.beatMillis = properties.heartbeat().toMillis();
    }

    long intervalMillis() {
        return beatMillis;
    }

    void beat() {
        redis.call(jedis -> jedis.psetex(presenceKey(), 3 * beatMillis, "{\"held\":" + state.held().size() + "}"));
        slots.renewHeld();
        for (TakenEntry taken : state.held()) {
            redis.call(jedis -> jedis.xclaimJustId(taken.stream(), RedisJobQueue.GROUP, state.workerId(), 0,
                    XClaimParams.xClaimParams(), taken.entry()));
            if (jobs.keepAlive(taken.job())) {
                statements.stop(taken.job().jobId(), RunningStatements.StopReason.CANCELLED);
            }
        }
        outage.recovered();
    }

    /** Gone at once on a clean stop; a killed worker's expires after three missed beats. */
    void vanish() {
        WorkerOutage.quietly(() -> redis.call(jedis -> jedis.del(presenceKey())));
    }

    private String presenceKey() {
        return redis.key("worker:" + state.workerId());
    }
}
