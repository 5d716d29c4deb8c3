package io.sightline.server.snippet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code query_snippets} table. A duplicate trigger fails with Spring's {@code DuplicateKeyException}. */
@Repository
class SnippetRepository {

    private static final RowMapper<SnippetRow> ROWS = new DataClassRowMapper<>(SnippetRow.class);
    private static final String COLUMNS = "id, trigger, description, snippet, user_id, created_at, updated_at";

    private final JdbcClient jdbc;

    SnippetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SnippetRow> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_snippets ORDER BY LOWER(trigger), id").query(ROWS).list();
    }

    Optional<SnippetRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM query_snippets WHERE id = ?").param(id).query(ROWS).optional();
    }

    long insert(String trigger, String description, String snippet, long userId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO query_snippets (trigger, description, snippet, user_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(trigger, description, snippet, userId, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String trigger, String description, String snippet, OffsetDateTime now) {
        jdbc.sql("UPDATE query_snippets SET trigger = ?, description = ?, snippet = ?, updated_at = ? WHERE id = ?")
                .params(trigger, description, snippet, now, id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM query_snippets WHERE id = ?").param(id).update();
    }
}
