package io.sightline.server.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code query_schedules}. Every change is conditional on what the caller saw ({@code generation}, or the
 * job id), so that of several scheduler replicas doing the same thing at once exactly one changes the row.
 */
@Repository
class ScheduleRepository {

    private static final RowMapper<ScheduleState> STATES = (rs, i) -> new ScheduleState(rs.getLong("query_id"),
            rs.getString("schedule"), rs.getLong("generation"), instant(rs.getObject("next_run_at", OffsetDateTime.class)),
            instant(rs.getObject("last_run_at", OffsetDateTime.class)), rs.getString("job_id"));
    private static final String COLUMNS = "query_id, schedule, generation, next_run_at, last_run_at, job_id";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ScheduleState> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_schedules").query(STATES).list();
    }

    Optional<ScheduleState> find(long queryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_schedules WHERE query_id = ?").param(queryId)
                .query(STATES).optional();
    }

    /** @return false when another replica (or the query's deletion) got there first */
    boolean insert(long queryId, String schedule, Instant nextRunAt) {
        try {
            return jdbc.sql("INSERT INTO query_schedules (query_id, schedule, generation, next_run_at)"
                            + " SELECT ?, ?, 1, ? FROM queries WHERE id = ?")
                    .params(queryId, schedule, time(nextRunAt), queryId).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The saved schedule changed: its runs start over from the new one's first slot. */
    boolean reschedule(long queryId, long generation, String schedule, Instant nextRunAt) {
        return jdbc.sql("UPDATE query_schedules SET schedule = ?, next_run_at = ?, generation = generation + 1"
                        + " WHERE query_id = ? AND generation = ?")
                .params(schedule, time(nextRunAt), queryId, generation).update() == 1;
    }

    /**
     * Takes the due slot: moves the row to the next slot and notes the job about to be enqueued. Of replicas
     * that saw the same generation, exactly one succeeds; the others' UPDATE finds the generation changed.
     */
    boolean claim(long queryId, long generation, Instant nextRunAt, Instant now, String jobId, String claimedBy) {
        return jdbc.sql("UPDATE query_schedules SET generation = generation + 1, next_run_at = ?, last_run_at = ?,"
                        + " job_id = ?, claimed_by = ? WHERE query_id = ? AND generation = ?")
                .params(time(nextRunAt), time(now), jobId, claimedBy, queryId, generation).update() == 1;
    }

    /** The refresh joined an identical run in flight: that job's outcome is the one to wait for. */
    boolean replaceJob(long queryId, String jobId, String joinedJobId) {
        return jdbc.sql("UPDATE query_schedules SET job_id = ? WHERE query_id = ? AND job_id = ?")
                .params(joinedJobId, queryId, jobId).update() == 1;
    }

    /**
     * The queries whose scheduled run {@code jobId} was (several when refreshes of identical SQL joined one run),
     * each taken so that the outcome is counted once however many times it is reported.
     */
    List<ScheduleState> takeJob(String jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_schedules WHERE job_id = ?").param(jobId).query(STATES)
                .list().stream()
                .filter(state -> jdbc.sql("UPDATE query_schedules SET job_id = NULL WHERE query_id = ? AND job_id = ?")
                        .params(state.queryId(), jobId).update() == 1)
                .toList();
    }

    /** After a failure: not before {@code notBefore}. */
    void postpone(long queryId, Instant notBefore) {
        jdbc.sql("UPDATE query_schedules SET next_run_at = ?, generation = generation + 1"
                        + " WHERE query_id = ? AND next_run_at < ?")
                .params(time(notBefore), queryId, time(notBefore)).update();
    }

    /** The query is no longer scheduled (unscheduled, archived): its state goes. */
    void delete(long queryId, long generation) {
        jdbc.sql("DELETE FROM query_schedules WHERE query_id = ? AND generation = ?").params(queryId, generation).update();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
