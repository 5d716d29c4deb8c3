package io.sightline.server.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Receives a result's rows one at a time and writes them a page at a time. Full pages are encoded and stored
 * by the store's page writers while the worker goes on reading rows; at most {@link #PAGES_IN_FLIGHT} pages
 * wait at once, so the memory a worker needs stays a few pages whatever the size of the result.
 * Nothing is written before the first page is full: a result that fits one page (most runs) is stored whole when it
 * finishes, header and page in one transaction, rather than as an incomplete header, a page and a completion.
 * Not thread-safe: one worker writes one result.
 */
public final class ResultWriter implements AutoCloseable {

    static final int PAGES_IN_FLIGHT = 2;

    private static final long NOT_WRITTEN = -1;

    private final ResultSpec spec;
    private final String jobId;
    private final ResultStore store;
    /** The incomplete header's id once the first page is full; {@link #NOT_WRITTEN} before. */
    private long resultId = NOT_WRITTEN;
    private final Semaphore inFlight = new Semaphore(PAGES_IN_FLIGHT);
    private final List<CompletableFuture<Void>> writes = new ArrayList<>();
    private List<Object[]> page;
    private int pageNo;
    private long rowCount;
    private boolean finished;

    ResultWriter(ResultSpec spec, String jobId, ResultStore store) {
        this.spec = spec;
        this.jobId = jobId;
        this.store = store;
        this.page = new ArrayList<>();
    }

    public void add(Object[] row) {
        page.add(row);
        rowCount++;
        if (page.size() == spec.pageSize()) {
            if (resultId == NOT_WRITTEN) {
                resultId = store.insertIncomplete(spec);
            }
            flush();
        }
    }

    public long rowCount() {
        return rowCount;
    }

    /**
     * Makes the result visible and returns its id (that of the job's earlier result instead, when another run
     * of the same job completed one first); a failed page write fails here.
     */
    public long finish(boolean truncated, Duration runtime) {
        if (resultId == NOT_WRITTEN) {
            long id = store.completeAtOnce(spec, jobId, page, truncated, runtime);
            finished = true;
            return id;
        }
        if (!page.isEmpty()) {
            flush();
        }
        awaitWrites();
        long id = store.complete(resultId, jobId, rowCount, truncated, runtime);
        finished = true;
        return id;
    }

    /** Without {@link #finish}, closing throws the partial result away (if any of it was written). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            if (resultId == NOT_WRITTEN) {
                return;
            }
            try {
                awaitWrites();
            } catch (RuntimeException e) {
                // the result is being thrown away; the failure that made us close is what the caller reports
            }
            store.discard(resultId);
        }
    }

    private void flush() {
        List<Object[]> full = page;
        int number = pageNo++;
        page = new ArrayList<>(spec.pageSize());
        inFlight.acquireUninterruptibly();
        writes.add(store.writePageAsync(resultId, number, full).whenComplete((done, error) -> inFlight.release()));
        writes.removeIf(write -> write.isDone() && !write.isCompletedExceptionally());
    }

    private void awaitWrites() {
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
