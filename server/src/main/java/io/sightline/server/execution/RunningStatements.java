package io.sightline.server.execution;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The statements workers of this process are running, so that a cancel request or the time limit can
 * stop the query in the database itself ({@link Statement#cancel()}), not just in our bookkeeping.
 */
@Component
public class RunningStatements {

    private static final Logger log = LoggerFactory.getLogger(RunningStatements.class);

    public enum StopReason { CANCELLED, TIMED_OUT }

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** Registers the job's statement; false when the job was stopped before its statement existed. */
    boolean register(String jobId, Statement statement) {
        Running entry = running.computeIfAbsent(jobId, id -> new Running());
        synchronized (entry) {
            entry.statement = statement;
            if (entry.reason != null) {
                cancelQuietly(jobId, statement);
                return false;
            }
            return true;
        }
    }

    /** Stops the job's statement now if it runs here; remembers the reason for the worker to report. */
    public void stop(String jobId, StopReason reason) {
        Running entry = running.computeIfAbsent(jobId, id -> new Running());
        synchronized (entry) {
            if (entry.reason == null) {
                entry.reason = reason;
            }
            if (entry.statement != null) {
                cancelQuietly(jobId, entry.statement);
            }
        }
    }

    StopReason reason(String jobId) {
        Running entry = running.get(jobId);
        return entry == null ? null : entry.reason;
    }

    void forget(String jobId) {
        running.remove(jobId);
    }

    private static void cancelQuietly(String jobId, Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // The worker still ends the job (its statement fails or completes); this is worth a warning only.
            log.warn("Could not cancel the statement of job {}: {}", jobId, e.getMessage());
        }
    }

    private static final class Running {
        private Statement statement;
        private StopReason reason;
    }
}
