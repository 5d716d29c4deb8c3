package io.sightline.server.execution;

import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.datasource.DataSourceInfo;
import io.sightline.server.datasource.DataSourceRun;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.result.ResultStore;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a worker does with one job: run the SQL with the data source's time and row limits, stream the rows
 * into the result store, and end the job — finished, failed with the database's message, cancelled or
 * timed out. It never leaves a job running.
 */
@Component
public class QueryExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryExecutor.class);

    private final DataSources dataSources;
    private final ResultStore results;
    private final JobStore jobs;
    private final RunningStatements statements;
    private final ApplicationEventPublisher events;
    private final int fetchSize;
    private final int maxCellChars;
    private final IdentityOfRun identity;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    QueryExecutor(DataSources dataSources, ResultStore results, JobStore jobs, RunningStatements statements,
                  ApplicationEventPublisher events, ExecutionProperties properties, LimitsProperties limits,
                  IdentityOfRun identity) {
        this.identity = identity;
        this.dataSources = dataSources;
        this.results = results;
        this.jobs = jobs;
        this.statements = statements;
        this.events = events;
        this.fetchSize = properties.fetchSize();
        this.maxCellChars = limits.maxCellChars();
    }

    /** How a worker came by a job: whether an earlier run of it may have stored its result already. */
    public enum Delivery {
        /** Never run before: it has no result, so none is looked for. */
        FIRST,
        /** Taken over from a worker that died while running it, perhaps after it stored the result. */
        AGAIN
    }

    /** @param queue the queue the job came from, for the metrics */
    public void execute(QueryJob job, String queue, Delivery delivery) {
        if (jobs.update(job.jobId(), Jobs::started).status() != JobStatus.STARTED) {
            statements.forget(job.jobId());
            return; // cancelled while queued
        }
        long start = System.nanoTime();
        Outcome outcome = runToOutcome(job, delivery);
        Duration runtime = Duration.ofNanos(System.nanoTime() - start);
        // Listeners (a saved query's latest result, later alerts and audit) see the run before its job ends,
        // so a client that polls the finished job already finds their effects.
        announce(new QueryRunCompleted(job.jobId(), job.dataSourceId(), queue, job.queryId(), job.queryHash(),
                outcome.status(), outcome.resultId(), outcome.error(), runtime, job.userId()));
        jobs.update(job.jobId(), j -> switch (outcome.status()) {
            case FINISHED -> Jobs.finished(j, outcome.resultId());
            case CANCELLED -> Jobs.cancelled(j);
            default -> Jobs.failed(j, outcome.error());
        });
    }

    /** A failing listener is its own problem: it must not leave the job running. */
    private void announce(QueryRunCompleted run) {
        try {
            events.publishEvent(run);
        } catch (RuntimeException e) {
            log.error("A listener of the completed run of job {} failed", run.jobId(), e);
        }
    }

    private Outcome runToOutcome(QueryJob job, Delivery delivery) {
        try {
            // taken over from a worker killed after it stored the result but before it ended the job
            var stored = delivery == Delivery.AGAIN ? results.resultOfJob(job.jobId()) : Optional.<Long>empty();
            if (stored.isPresent()) {
                log.info("Job {} already has its result {}; ending it without running the query again",
                        job.jobId(), stored.get());
                return Outcome.finished(stored.get());
            }
            return run(job);
        } catch (ApiException e) {
            // written for users (the data source was deleted meanwhile, a result too large...): shown as it is
            return Outcome.failed(e.getMessage());
        } catch (RuntimeException | Error e) {
            // never the exception's text: it names classes, files and settings of this server (hole 11 of issue 8)
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Job {} failed unexpectedly (incident {})", job.jobId(), incident, e);
            return Outcome.failed(internalError(incident));
        } finally {
            statements.forget(job.jobId());
        }
    }

    private Outcome run(QueryJob job) {
        DataSourceRun run = dataSources.forRun(job.dataSourceId()); // one read of its row per job
        DataSourceInfo source = run.info();
        Duration limit = source.timeLimit();
        ScheduledFuture<?> timer = watchdog.schedule(
                () -> statements.stop(job.jobId(), RunningStatements.StopReason.TIMED_OUT),
                limit.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try (Connection connection = run.connection()) {
            boolean streamInTransaction = streamsOnlyInTransaction(connection);
            if (streamInTransaction) {
                connection.setAutoCommit(false);
            }
            try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                if (!statements.register(job.jobId(), statement)) {
                    return stopped(job, source);
                }
                statement.setFetchSize(fetchSize);
                limitRows(statement, source.rowLimit());
                if (source.identity().passed()) {
                    if (!streamInTransaction) {
                        throw new SQLException("Data source '" + source.name() + "' is told who runs each query,"
                                + " which needs PostgreSQL");
                    }
                    identity.pass(connection, source, job.userId());
                }
                Outcome outcome = stream(job, source, statement, start);
                if (streamInTransaction) {
                    connection.commit();
                }
                return outcome;
            } catch (SQLException e) {
                if (streamInTransaction) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            RunningStatements.StopReason reason = statements.reason(job.jobId());
            if (reason != null) {
                return stopped(job, source);
            }
            String message = message(e);
            // the full text for the error id that callers without full access see instead (RunErrors)
            log.info("Job {} on data source {} failed (error id {}): {}", job.jobId(), job.dataSourceId(),
                    RunErrors.errorId(job.jobId()), message);
            return Outcome.failed(message);
        } finally {
            timer.cancel(false);
        }
    }

    private Outcome stream(QueryJob job, DataSourceInfo source, Statement statement, long start) throws SQLException {
        StatementList.Last last = StatementList.run(statement, job.sql(),
                rows -> PendingResult.write(results, job, source.rowLimit(), maxCellChars, rows));
        try (PendingResult result = last.rows() != null ? last.rows()
                : PendingResult.rowsAffected(results, job, source.rowLimit(), last.rowsAffected())) {
            if (statements.reason(job.jobId()) != null) {
                return stopped(job, source);
            }
            return Outcome.finished(result.finish(Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private Outcome stopped(QueryJob job, DataSourceInfo source) {
        return statements.reason(job.jobId()) == RunningStatements.StopReason.TIMED_OUT
                ? Outcome.failed("Query exceeded the time limit of " + seconds(source.timeLimit())
                        + " for data source '" + source.name() + "' and was cancelled")
                : Outcome.cancelled();
    }

    /** One row more than the limit lets the database stop early and still tells us the result was truncated. */
    private static void limitRows(Statement statement, int rowLimit) throws SQLException {
        try {
            statement.setMaxRows(rowLimit == Integer.MAX_VALUE ? 0 : rowLimit + 1);
        } catch (java.sql.SQLFeatureNotSupportedException e) {
            // the row loop enforces the limit by itself; this was only an optimisation
        }
    }

    /** PostgreSQL only streams with a cursor, which needs a transaction; others stream on their own. */
    private static boolean streamsOnlyInTransaction(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:postgresql:") && connection.getAutoCommit();
    }

    /**
     * The database's own message, which is what the user needs to fix the SQL; a driver that gives none gets a
     * generic text rather than its class name.
     */
    private static String message(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.warn("The database gave no message for its error (incident {})", incident, e);
            return "The database reported an error without a message (SQL state " + e.getSQLState()
                    + ", incident " + incident + ")";
        }
        return SqlErrorText.clean(message);
    }

    static String internalError(String incident) {
        return "Internal error while running the query (incident " + incident + "); the server log has the details";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
    }

    private record Outcome(JobStatus status, Long resultId, String error) {
        static Outcome finished(long resultId) {
            return new Outcome(JobStatus.FINISHED, resultId, null);
        }

        static Outcome failed(String error) {
            return new Outcome(JobStatus.FAILED, null, error);
        }

        static Outcome cancelled() {
            return new Outcome(JobStatus.CANCELLED, null, null);
        }
    }
}
