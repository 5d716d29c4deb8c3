package io.sightline.server.execution.embedded;

import io.sightline.common.api.execution.Job;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobStore;
import io.sightline.server.execution.RedisMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Jobs of this process, forgotten {@code jobRetention} after they end. */
@Component
@Conditional(RedisMode.Off.class)
class InMemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Long> startedBy = new ConcurrentHashMap<>();
    private final Map<InFlightKey, String> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Job>> endings = new ConcurrentHashMap<>();
    private final Duration retention;

    InMemoryJobStore(ExecutionProperties properties) {
        this.retention = properties.jobRetention();
    }

    @Override
    public synchronized Joined createOrJoin(long dataSourceId, String queryHash, long userId, Supplier<Job> create) {
        var key = new InFlightKey(dataSourceId, queryHash);
        String running = inFlight.get(key);
        if (running != null) {
            Job job = jobs.get(running);
            if (job != null && !job.status().ended()) {
                return new Joined(job, false);
            }
        }
        Job job = create.get();
        startedBy.put(job.id(), userId);
        jobs.put(job.id(), job);
        inFlight.put(key, job.id());
        return new Joined(job, true);
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Optional<Owned> findOwned(String id) {
        return find(id).map(job -> new Owned(job, startedBy.get(id)));
    }

    @Override
    public Job awaitEnd(String id, Duration timeout) {
        CompletableFuture<Job> ending = endings.computeIfAbsent(id, key -> new CompletableFuture<>());
        Job now = jobs.get(id); // read after registering, so an ending in between is not missed
        if (now == null || now.status().ended()) {
            endings.remove(id, ending);
            return now;
        }
        try {
            return ending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return jobs.get(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return jobs.get(id);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Job endings never complete exceptionally", e);
        }
    }

    @Override
    public synchronized Job update(String id, UnaryOperator<Job> change) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new IllegalStateException("Job " + id + " is not known");
        }
        if (job.status().ended()) {
            return job;
        }
        Job changed = change.apply(job);
        jobs.put(id, changed);
        if (changed.status().ended()) {
            inFlight.remove(new InFlightKey(changed.dataSourceId(), changed.queryHash()), id);
            CompletableFuture<Job> ending = endings.remove(id);
            if (ending != null) {
                ending.complete(changed);
            }
        }
        return changed;
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldJobs() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        jobs.values().removeIf(job -> job.status().ended() && job.updatedAt().isBefore(cutoff));
        startedBy.keySet().retainAll(jobs.keySet());
    }

    private record InFlightKey(long dataSourceId, String queryHash) {
    }
}
