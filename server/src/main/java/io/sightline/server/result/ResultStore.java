package io.sightline.server.result;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.api.execution.Column;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored query results: written page by page as rows stream in, read back page by page, so neither the
 * worker nor a client ever needs a whole large result in memory. Decoded pages are cached (Caffeine)
 * because dashboards and paging clients read the same pages again and again.
 */
@Service
public class ResultStore implements DisposableBean {

    static final int PAGE_SIZE = 2_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ResultHeaders headers;
    private final EarlyWrites earlyWrites;
    private final Cache<PageKey, List<Object[]>> pages;
    /** Results this process completed, until {@link #takeJustCompleted} takes them (bounded: a taker may fail). */
    private final Cache<Long, OffsetDateTime> completedNow = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    /** Encode and store pages beside the workers that read rows: CPU work, so no more threads than this box has cores. */
    private final ExecutorService pageWriters = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "result-page-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param limits {@code resultPageCacheSize}: the page cache is bounded by the estimated bytes of its pages */
    ResultStore(JdbcClient jdbc, TransactionTemplate transactions, ResultHeaders headers, EarlyWrites earlyWrites,
                LimitsProperties limits) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.headers = headers;
        this.earlyWrites = earlyWrites;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(limits.resultPageCacheSize().toBytes())
                .<PageKey, List<Object[]>>weigher((key, rows) -> PageWeight.of(rows))
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /** Estimated bytes of the decoded pages in the cache now (for tests and metrics). */
    long cachedPageBytes() {
        pages.cleanUp();
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * Starts writing the result of a job's run; nothing of it is visible until {@link ResultWriter#finish}
     * commits it. A job has at most one result: see {@link #resultOfJob}.
     */
    public ResultWriter open(String jobId, long dataSourceId, String queryHash, String queryText, List<Column> columns,
                             int rowLimit) {
        return open(jobId, dataSourceId, queryHash, queryText, columns, rowLimit, null);
    }

    /**
     * As {@link #open(String, long, String, String, List, int)}, for a result only {@code ownerId} may read (null:
     * everyone's). Nothing is written yet: a result that fits one page is written whole when it completes.
     */
    public ResultWriter open(String jobId, long dataSourceId, String queryHash, String queryText, List<Column> columns,
                             int rowLimit, Long ownerId) {
        return new ResultWriter(new ResultSpec(dataSourceId, queryHash, queryText, columns, PAGE_SIZE, rowLimit, ownerId),
                jobId, this);
    }

    /** The incomplete header of a result whose first page is full, so that its pages can be written as they fill. */
    long insertIncomplete(ResultSpec spec) {
        return earlyWrites.write(() -> headers.insertIncomplete(spec));
    }

    /**
     * When the result this process completed a moment ago was retrieved, without reading its row again (what the
     * listeners of the ended run need); taken once: later, or for a result another process completed, empty.
     */
    public Optional<OffsetDateTime> takeJustCompleted(long resultId) {
        return Optional.ofNullable(completedNow.asMap().remove(resultId));
    }

    /** The complete result a run of this job stored, for a worker that takes over the job of a killed one. */
    public Optional<Long> resultOfJob(String jobId) {
        return headers.completeResultOfJob(jobId);
    }

    /** The newest complete result of this SQL on this data source, if it is at most {@code maxAge} old (null: any age). */
    public Optional<StoredResult> latest(long dataSourceId, String queryHash, Duration maxAge) {
        OffsetDateTime notBefore = maxAge == null ? null : OffsetDateTime.now(ZoneOffset.UTC).minus(maxAge);
        return headers.latest(dataSourceId, queryHash, notBefore);
    }

    public StoredResult get(long id) {
        return headers.find(id).orElseThrow(() -> ApiException.notFound("Query result " + id + " does not exist"));
    }

    public Optional<StoredResult> find(long id) {
        return headers.find(id);
    }

    /** Rows {@code offset .. offset+limit-1}, reading only the pages that hold them. */
    public List<Object[]> rows(StoredResult result, long offset, int limit) {
        List<Object[]> out = new ArrayList<>(Math.min(limit, 10_000));
        long end = Math.min(result.rowCount(), offset + limit);
        for (long row = offset; row < end; ) {
            int pageNo = (int) (row / result.pageSize());
            List<Object[]> page = page(result.id(), pageNo);
            int from = (int) (row - (long) pageNo * result.pageSize());
            int to = (int) Math.min(page.size(), end - (long) pageNo * result.pageSize());
            out.addAll(page.subList(from, to));
            row = (long) pageNo * result.pageSize() + to;
        }
        return out;
    }

    /** Every page in order, for streaming a whole result to a client. */
    public void forEachPage(StoredResult result, Consumer<List<Object[]>> consumer) {
        for (int pageNo = 0; pageNo < result.pageCount(); pageNo++) {
            consumer.accept(page(result.id(), pageNo));
        }
    }

    private List<Object[]> page(long resultId, int pageNo) {
        return pages.get(new PageKey(resultId, pageNo), key -> RowPageCodec.decode(
                jdbc.sql("SELECT data FROM query_result_pages WHERE result_id = ? AND page_no = ?")
                        .params(resultId, pageNo).query(byte[].class).single()));
    }

    /** Encodes and stores a page on a page writer, and writes through the cache: a new result is usually read next. */
    CompletableFuture<Void> writePageAsync(long resultId, int pageNo, List<Object[]> rows) {
        return CompletableFuture.runAsync(() -> {
            byte[] data = RowPageCodec.encode(rows);
            earlyWrites.write(() -> {
                insertPage(resultId, pageNo, data);
                return null;
            });
            pages.put(new PageKey(resultId, pageNo), rows);
        }, pageWriters);
    }

    @Override
    public void destroy() {
        pageWriters.shutdownNow();
    }

    /**
     * Makes the result visible and returns its id; when another run of the job completed a result first, throws
     * this one away and returns that one's id, so a job never stores two results.
     */
    long complete(long resultId, String jobId, long rowCount, boolean truncated, Duration runtime) {
        try {
            OffsetDateTime retrievedAt = transactions.execute(
                    status -> headers.markComplete(resultId, jobId, rowCount, truncated, runtime));
            completedNow.put(resultId, retrievedAt);
            return resultId;
        } catch (DuplicateKeyException e) {
            discard(resultId);
            return headers.completeResultOfJob(jobId).orElseThrow(() -> e);
        }
    }

    /**
     * Stores a result of at most one page, complete, in one transaction (the header and its page): one commit, and the
     * only one that waits for the disk, where a paged result needs three. Returns its id, or that of the job's earlier
     * result when another run of the same job completed one first (this one is then not stored at all).
     */
    long completeAtOnce(ResultSpec spec, String jobId, List<Object[]> rows, boolean truncated, Duration runtime) {
        byte[] data = rows.isEmpty() ? null : RowPageCodec.encode(rows);
        try {
            ResultHeaders.Completed completed = transactions.execute(status -> {
                ResultHeaders.Completed inserted = headers.insertComplete(spec, jobId, rows.size(), truncated, runtime);
                if (data != null) {
                    insertPage(inserted.id(), 0, data);
                }
                return inserted;
            });
            completedNow.put(completed.id(), completed.retrievedAt());
            if (data != null) {
                pages.put(new PageKey(completed.id(), 0), rows);
            }
            return completed.id();
        } catch (DuplicateKeyException e) {
            return headers.completeResultOfJob(jobId).orElseThrow(() -> e);
        }
    }

    private void insertPage(long resultId, int pageNo, byte[] data) {
        jdbc.sql("INSERT INTO query_result_pages (result_id, page_no, data) VALUES (?, ?, ?)")
                .params(resultId, pageNo, data).update();
    }

    void discard(long resultId) {
        headers.delete(resultId);
        pages.asMap().keySet().removeIf(key -> key.resultId() == resultId);
    }

    private record PageKey(long resultId, int pageNo) {
    }
}
