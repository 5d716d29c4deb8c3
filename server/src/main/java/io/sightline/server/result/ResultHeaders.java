package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The query_results table. */
@Repository
class ResultHeaders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Column>> COLUMNS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT id, data_source_id, query_hash, query_text, columns, row_count, page_size, truncated,
                   row_limit, runtime, retrieved_at, owner_id
            FROM query_results""";

    private final JdbcClient jdbc;

    ResultHeaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertIncomplete(ResultSpec spec) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO query_results (data_source_id, query_hash, query_text, columns, page_size, row_limit,
                                           retrieved_at, complete, owner_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(spec.dataSourceId(), spec.queryHash(), spec.queryText(), JSON.writeValueAsString(spec.columns()),
                        spec.pageSize(), spec.rowLimit(), OffsetDateTime.now(ZoneOffset.UTC), spec.ownerId())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * A result whose rows are all known, complete at once (no incomplete header before it).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the job has a complete result already
     */
    Completed insertComplete(ResultSpec spec, String jobId, long rowCount, boolean truncated, Duration runtime) {
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO query_results (data_source_id, query_hash, query_text, columns, page_size, row_limit,
                                           owner_id, row_count, truncated, runtime, retrieved_at, complete, job_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(spec.dataSourceId(), spec.queryHash(), spec.queryText(), JSON.writeValueAsString(spec.columns()),
                        spec.pageSize(), spec.rowLimit(), spec.ownerId(), rowCount, truncated,
                        runtime.toNanos() / 1e9, retrievedAt, jobId)
                .update(keys, "id");
        return new Completed(keys.getKey().longValue(), retrievedAt);
    }

    /** The id and {@code retrieved_at} of a result just completed. */
    record Completed(long id, OffsetDateTime retrievedAt) {
    }

    /**
     * @return the {@code retrieved_at} written: whole microseconds, as the metadata store keeps them, so that it equals
     *         what a read of the row gives
     * @throws org.springframework.dao.DuplicateKeyException when the job has a complete result already
     */
    OffsetDateTime markComplete(long id, String jobId, long rowCount, boolean truncated, Duration runtime) {
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                UPDATE query_results SET row_count = ?, truncated = ?, runtime = ?, retrieved_at = ?, complete = TRUE,
                                         job_id = ?
                WHERE id = ?""")
                .params(rowCount, truncated, runtime.toNanos() / 1e9, retrievedAt, jobId, id)
                .update();
        return retrievedAt;
    }

    Optional<Long> completeResultOfJob(String jobId) {
        return jdbc.sql("SELECT id FROM query_results WHERE job_id = ? AND complete = TRUE").param(jobId)
                .query(Long.class).optional();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM query_result_pages WHERE result_id = ?").param(id).update();
        jdbc.sql("DELETE FROM query_results WHERE id = ?").param(id).update();
    }

    Optional<StoredResult> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND complete = TRUE").param(id).query(ResultHeaders::map).optional();
    }

    Optional<StoredResult> latest(long dataSourceId, String queryHash, OffsetDateTime notBefore) {
        String sql = SELECT + " WHERE data_source_id = ? AND query_hash = ? AND complete = TRUE"
                + (notBefore == null ? "" : " AND retrieved_at >= ?")
                + " ORDER BY retrieved_at DESC, id DESC LIMIT 1";
        var statement = jdbc.sql(sql).param(dataSourceId).param(queryHash);
        if (notBefore != null) {
            statement = statement.param(notBefore);
        }
        return statement.query(ResultHeaders::map).optional();
    }

    /** Results a crashed process left half-written. */
    int deleteIncompleteOlderThan(OffsetDateTime cutoff) {
        List<Long> ids = jdbc.sql("SELECT id FROM query_results WHERE complete = FALSE AND retrieved_at < ?")
                .param(cutoff).query(Long.class).list();
        ids.forEach(this::delete);
        return ids.size();
    }

    private static StoredResult map(ResultSet rs, int row) throws SQLException {
        return new StoredResult(rs.getLong("id"), rs.getLong("data_source_id"), rs.getString("query_hash"),
                rs.getString("query_text"), JSON.readValue(rs.getString("columns"), COLUMNS),
                rs.getLong("row_count"), rs.getInt("page_size"), rs.getBoolean("truncated"),
                rs.getInt("row_limit"), rs.getDouble("runtime"),
                rs.getObject("retrieved_at", OffsetDateTime.class), rs.getObject("owner_id", Long.class));
    }
}
