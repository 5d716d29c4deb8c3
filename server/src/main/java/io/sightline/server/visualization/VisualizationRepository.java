package io.sightline.server.visualization;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class VisualizationRepository {

    private static final RowMapper<VisualizationRow> ROWS = new DataClassRowMapper<>(VisualizationRow.class);

    private final JdbcClient jdbc;

    VisualizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VisualizationRow> find(long id) {
        return jdbc.sql("SELECT " + VisualizationRow.COLUMNS + " FROM visualizations WHERE id = ?").param(id)
                .query(ROWS).optional();
    }

    List<VisualizationRow> ofQuery(long queryId) {
        return jdbc.sql("SELECT " + VisualizationRow.COLUMNS + " FROM visualizations WHERE query_id = ? ORDER BY id")
                .param(queryId).query(ROWS).list();
    }

    List<VisualizationRow> ofQueries(Collection<Long> queryIds) {
        return jdbc.sql("SELECT " + VisualizationRow.COLUMNS
                        + " FROM visualizations WHERE query_id IN (:ids) ORDER BY query_id, id")
                .param("ids", List.copyOf(queryIds)).query(ROWS).list();
    }

    long insert(long queryId, String type, String name, String description, String optionsJson, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO visualizations (query_id, type, name, description, options, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(queryId, type, name, description, optionsJson, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Writes the row's type, name, description and options as given (the service merged in what was not sent), if
     * the stored row is still at the row's {@code updatedAt}.
     *
     * @return false when another save changed it since it was read (nothing is written)
     */
    boolean update(VisualizationRow row, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE visualizations SET type = ?, name = ?, description = ?, options = ?, updated_at = ?
                WHERE id = ? AND updated_at = ?""")
                .params(row.type(), row.name(), row.description(), row.options(), now, row.id(), row.updatedAt())
                .update() > 0;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM visualizations WHERE id = ?").param(id).update() > 0;
    }

    void copy(long fromQueryId, long toQueryId, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO visualizations (query_id, type, name, description, options, created_at, updated_at)
                SELECT ?, type, name, description, options, ?, ? FROM visualizations WHERE query_id = ? ORDER BY id""")
                .params(toQueryId, now, now, fromQueryId).update();
    }
}
