package io.sightline.server.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives a result's rows one at a time and writes them a page at a time, so the memory a worker needs
 * is one page whatever the size of the result. Not thread-safe: one worker writes one result.
 */
public final class ResultWriter implements AutoCloseable {

    private final long resultId;
    private final int pageSize;
    private final ResultStore store;
    private List<Object[]> page;
    private int pageNo;
    private long rowCount;
    private boolean finished;

    ResultWriter(long resultId, int pageSize, ResultStore store) {
        this.resultId = resultId;
        this.pageSize = pageSize;
        this.store = store;
        this.page = new ArrayList<>(pageSize);
    }

    public void add(Object[] row) {
        page.add(row);
        rowCount++;
        if (page.size() == pageSize) {
            flush();
        }
    }

    public long rowCount() {
        return rowCount;
    }

    /** Makes the result visible and returns its id. */
    public long finish(boolean truncated, Duration runtime) {
        if (!page.isEmpty()) {
            flush();
        }
        store.complete(resultId, rowCount, truncated, runtime);
        finished = true;
        return resultId;
    }

    /** Without {@link #finish}, closing throws the partial result away. */
    @Override
    public void close() {
        if (!finished) {
            store.discard(resultId);
            finished = true;
        }
    }

    private void flush() {
        store.writePage(resultId, pageNo++, page);
        page = new ArrayList<>(pageSize);
    }
}
