package io.sightline.server.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.common.api.execution.Job;
import io.sightline.server.execution.QueryRuns;
import io.sightline.server.query.QuerySchedule;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.ScheduledQuery;
import io.sightline.server.system.ApiException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduler role (in processes of role {@code scheduler} or {@code all}): every tick it enqueues a refresh
 * of each saved query whose schedule is due, on the {@code scheduled} queue. Any number of scheduler processes
 * may run: each due slot is claimed in the metadata store with a conditional UPDATE, so exactly one of them
 * enqueues it, whatever their clocks say.
 */
@Component
@Conditional(SchedulerRole.class)
class Scheduler {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final SavedQueries savedQueries;
    private final ScheduleRepository schedules;
    private final ScheduleOutcomes outcomes;
    private final QueryRuns runs;
    private final RunTimes times;
    /** pid@host, and a suffix for several schedulers in one JVM (tests) */
    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> reportedInvalid = new HashSet<>();
    private boolean failing;
    /** sightline_scheduler_ticks_total{outcome}: an alert fires when no scheduler completes a tick */
    private final Counter ticksOk;
    private final Counter ticksFailed;

    Scheduler(SavedQueries savedQueries, ScheduleRepository schedules, ScheduleOutcomes outcomes, QueryRuns runs,
              SchedulerProperties properties, MeterRegistry meters) {
        this.ticksOk = tickCounter(meters, "ok");
        this.ticksFailed = tickCounter(meters, "failed");
        this.savedQueries = savedQueries;
        this.schedules = schedules;
        this.outcomes = outcomes;
        this.runs = runs;
        this.times = new RunTimes(Clock.systemUTC(), properties.maxBackoff());
        log.info("Scheduler {} looks for due refreshes every {}", name, properties.tick());
    }

    @Scheduled(fixedDelayString = "${sightline.scheduler.tick}", initialDelayString = "${sightline.scheduler.tick}")
    void tick() {
        try {
            enqueueDue();
            ticksOk.increment();
            if (failing) {
                failing = false;
                log.info("Scheduler {} works again", name);
            }
        } catch (RuntimeException e) {
            ticksFailed.increment();
            // the metadata store is unreachable, most likely: try again next tick; logged once per outage
            if (!failing) {
                failing = true;
                log.warn("Scheduler {} cannot look for due refreshes; it retries every tick: {}", name, e.toString());
            }
        }
    }

    private static Counter tickCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("sightline.scheduler.ticks")
                .description("Scheduler passes over the saved schedules, by outcome (failed: metadata store unreachable)")
                .tag("outcome", outcome).register(meters);
    }

    /** One pass: bring the state rows in line with the saved schedules, and enqueue what is due. */
    void enqueueDue() {
        Map<Long, ScheduleState> states = schedules.all().stream()
                .collect(Collectors.toMap(ScheduleState::queryId, Function.identity()));
        for (ScheduledQuery query : savedQueries.scheduled()) {
            if (query.schedule() == null) {
                if (reportedInvalid.add(query.id())) {
                    log.warn("Query {} has a schedule the scheduler cannot read; it does not run until it is saved"
                            + " again: {}", query.id(), query.problem());
                }
                continue;
            }
            if (!query.schedule().scheduled()) {
                continue;
            }
            ScheduleState state = states.remove(query.id());
            if (state == null) {
                schedules.insert(query.id(), query.scheduleJson(), times.first(query.schedule()));
            } else if (!sameSchedule(state.schedule(), query.schedule())) {
                schedules.reschedule(query.id(), state.generation(), query.scheduleJson(), times.first(query.schedule()));
            } else if (times.due(query.schedule(), state.nextRunAt())) {
                var stopped = savedQueries.stopScheduleUnlessOwnerMayRun(query.id(), query.scheduleJson());
                if (stopped.isPresent()) {
                    log.warn("Query {}: {}", query.id(), stopped.get());
                    continue; // a changed schedule is read again on the next tick; this one is disabled now
                }
                String jobId = UUID.randomUUID().toString();
                Instant next = times.after(query.schedule(), state.nextRunAt());
                if (schedules.claim(query.id(), state.generation(), next, times.now(), jobId, name)) {
                    enqueue(query, jobId);
                }
            }
        }
        // what is left has no schedule any more (unscheduled, archived, "Never"): forget it
        states.values().forEach(state -> schedules.delete(state.queryId(), state.generation()));
    }

    /** Compared as schedules, not text: a client that saves the same schedule with its keys reordered changes nothing. */
    private static boolean sameSchedule(String stateJson, QuerySchedule saved) {
        try {
            return QuerySchedule.read(stateJson).equals(saved);
        } catch (ApiException e) {
            return false;
        }
    }

    private void enqueue(ScheduledQuery query, String jobId) {
        try {
            String actual = runs.refresh(query.id(), query.ownerId(), jobId);
            log.debug("Query {} is due ({}): job {}", query.id(), query.schedule(), actual);
            if (!actual.equals(jobId) && schedules.replaceJob(query.id(), jobId, actual)) {
                // joined a run in flight, which may have ended before we noted it: settle it now if so
                settleIfEnded(actual);
            }
        } catch (ApiException e) {
            outcomes.notEnqueued(query.id(), jobId, e.getMessage());
        }
    }

    private void settleIfEnded(String jobId) {
        Job joined;
        try {
            joined = runs.job(jobId);
        } catch (ApiException e) {
            return; // expired: it ended long ago and was reported then
        }
        if (joined.status().ended()) {
            outcomes.settle(jobId, joined.status(), joined.queryResultId(), joined.error());
        }
    }
}
