package io.sightline.desktop.run;

import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One run at a time: submits the SQL, follows the job (queued, running) with the elapsed time, cancels it on
 * the server when asked, and hands the result id over when it finished. A failure keeps the database's
 * message and, when the message names one, the line.
 */
public final class RunViewModel {

    private static final Pattern LINE = Pattern.compile("(?i)\\bline:?\\s+(\\d+)");
    static final long POLL_MILLIS = 150;

    private final RunsClient client;
    private final BackgroundTasks tasks;
    private final LongSupplier clockMillis;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorLine = new ReadOnlyIntegerWrapper(-1);
    private final AtomicReference<String> jobId = new AtomicReference<>();
    private volatile boolean cancelRequested;
    private volatile long runNumber;

    public RunViewModel(RunsClient client, BackgroundTasks tasks, LongSupplier clockMillis) {
        this.client = client;
        this.tasks = tasks;
        this.clockMillis = clockMillis;
    }

    /**
     * @param firstLine the editor line (0-based) the SQL starts on, to place an error line in the editor
     * @param onResult gets the id of the stored result, on the UI thread
     */
    public void run(long dataSourceId, String sql, Map<String, Object> parameters, Long queryId, int firstLine,
                    LongConsumer onResult) {
        run(dataSourceId, sql, parameters, queryId, false, firstLine, onResult);
    }

    /** Runs saved query {@code queryId} as the server has it, with {@code parameters}; see {@link #run}. */
    public void runSaved(long dataSourceId, String sql, Map<String, Object> parameters, long queryId, int firstLine,
                         LongConsumer onResult) {
        run(dataSourceId, sql, parameters, queryId, true, firstLine, onResult);
    }

    private void run(long dataSourceId, String sql, Map<String, Object> parameters, Long queryId, boolean saved,
                     int firstLine, LongConsumer onResult) {
        if (state.get().busy()) {
            return;
        }
        long number = ++runNumber;
        cancelRequested = false;
        jobId.set(null);
        error.set("");
        errorLine.set(-1);
        state.set(RunState.SUBMITTING);
        elapsed.set(Duration.ZERO);
        long started = clockMillis.getAsLong();
        tasks.run("Running the query", () -> follow(number, dataSourceId, sql, parameters, queryId, saved, started),
                outcome -> {
                    if (number != runNumber) {
                        return;
                    }
                    elapsed.set(Duration.ofMillis(clockMillis.getAsLong() - started));
                    switch (outcome.status()) {
                        case FINISHED -> {
                            state.set(RunState.FETCHING);
                            onResult.accept(outcome.resultId());
                        }
                        case CANCELLED -> state.set(RunState.CANCELLED);
                        default -> fail(outcome.error(), firstLine);
                    }
                }, failure -> {
                    if (number == runNumber) {
                        elapsed.set(Duration.ofMillis(clockMillis.getAsLong() - started));
                        fail(failure, firstLine);
                    }
                });
    }

    /** The results view calls this once the first page is shown. */
    public void resultShown() {
        if (state.get() == RunState.FETCHING) {
            state.set(RunState.FINISHED);
        }
    }

    public void resultFailed(String message) {
        fail(message, -1);
    }

    /** Asks the server to cancel the job; the run ends as cancelled when the server confirms. */
    public void cancel() {
        if (!state.get().busy() || state.get() == RunState.FETCHING) {
            return;
        }
        cancelRequested = true;
        state.set(RunState.CANCELLING);
        String id = jobId.get();
        if (id != null) {
            tasks.run("Cancelling the query", () -> {
                client.cancelJob(id);
                return id;
            }, ignored -> { }, failure -> error.set(failure));
        }
    }

    private record Outcome(JobStatus status, Long resultId, String error) {
    }

    /** On a background thread: submit, then poll until the job has ended. */
    private Outcome follow(long number, long dataSourceId, String sql, Map<String, Object> parameters, Long queryId,
                           boolean saved, long started) throws InterruptedException {
        RunStart start = saved ? client.runSaved(queryId, parameters) : client.run(dataSourceId, sql, parameters, queryId);
        if (start instanceof RunStart.Ready ready) {
            return new Outcome(JobStatus.FINISHED, ready.resultId(), null);
        }
        Job job = ((RunStart.Queued) start).job();
        jobId.set(job.id());
        if (cancelRequested) {
            client.cancelJob(job.id());
        }
        while (!job.status().ended()) {
            report(number, job.status(), started);
            Thread.sleep(POLL_MILLIS);
            job = client.job(job.id());
        }
        Long result = job.queryResultId() != null ? job.queryResultId() : job.result();
        return new Outcome(job.status(), result, job.error());
    }

    private void report(long number, JobStatus status, long started) {
        Duration soFar = Duration.ofMillis(clockMillis.getAsLong() - started);
        tasks.onUi(() -> {
            if (number != runNumber) {
                return;
            }
            elapsed.set(soFar);
            if (state.get() != RunState.CANCELLING) {
                state.set(status == JobStatus.QUEUED ? RunState.QUEUED : RunState.RUNNING);
            }
        });
    }

    private void fail(String message, int firstLine) {
        state.set(RunState.FAILED);
        String text = message == null || message.isBlank() ? "The query failed without a message." : message;
        error.set(text);
        OptionalInt line = lineOf(text);
        errorLine.set(line.isPresent() && firstLine >= 0 ? firstLine + line.getAsInt() - 1 : -1);
    }

    /** The 1-based line a database message names ("LINE 3:", "at line 3"), if any. */
    static OptionalInt lineOf(String message) {
        Matcher matcher = LINE.matcher(message);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    public BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> state.get().busy(), state);
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** 0-based editor line of the error, or -1. */
    public ReadOnlyIntegerProperty errorLineProperty() {
        return errorLine.getReadOnlyProperty();
    }
}
