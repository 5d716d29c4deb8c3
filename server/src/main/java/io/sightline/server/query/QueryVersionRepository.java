package io.sightline.server.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QueryVersionRepository {

    /** Maps columns by name from the result metadata, once per class (not per query). */
    private static final RowMapper<QueryVersionRow> VERSIONS = new DataClassRowMapper<>(QueryVersionRow.class);

    private static final String COLUMNS = "version, name, description, query_text, options, user_id, created_at";

    private final JdbcClient jdbc;

    QueryVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the query's current state as its current version, saved by {@code userId}. */
    void insert(QueryRow query, long userId, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO query_versions (query_id, version, name, description, query_text, options, user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(query.id(), query.version(), query.name(), query.description(), query.queryText(),
                        query.options(), userId, now)
                .update();
    }

    List<QueryVersionRow> list(long queryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_versions WHERE query_id = ? ORDER BY version DESC")
                .param(queryId).query(VERSIONS).list();
    }

    Optional<QueryVersionRow> find(long queryId, long version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_versions WHERE query_id = ? AND version = ?")
                .params(queryId, version).query(VERSIONS).optional();
    }
}
