package io.sightline.server.dashboard;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DashboardRepository {

    /** Redash's {@code Dashboard.all}: a draft is listed to its owner only (admins included, as in Redash). */
    private static final String LISTED = "(is_draft = FALSE OR user_id = ?)";
    private static final RowMapper<DashboardRow> DASHBOARDS = new DataClassRowMapper<>(DashboardRow.class);

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DashboardRow> find(long id) {
        return jdbc.sql("SELECT " + DashboardRow.COLUMNS + " FROM dashboards WHERE id = ?").param(id)
                .query(DASHBOARDS).optional();
    }

    /** The oldest dashboard with that slug, preferring one that is not archived. */
    Optional<DashboardRow> findBySlug(String slug) {
        return jdbc.sql("SELECT " + DashboardRow.COLUMNS + " FROM dashboards WHERE slug = ? ORDER BY is_archived, id"
                + " LIMIT 1").param(slug).query(DASHBOARDS).optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM dashboards WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    long insert(NewDashboard dashboard, String slug, long userId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dashboards (slug, name, user_id, layout, options, tags, is_archived, is_draft, version,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, 1, ?, ?)""")
                .params(slug, dashboard.name(), userId, dashboard.layoutJson(), dashboard.optionsJson(),
                        dashboard.tagsJson(), dashboard.draft(), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Writes the row's name, slug, layout, options, tags and flags if its version is still {@code expectedVersion},
     * bumping the version.
     *
     * @return false when another update came first
     */
    boolean update(DashboardRow row, long expectedVersion, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE dashboards SET name = ?, slug = ?, layout = ?, options = ?, tags = ?, is_archived = ?,
                    is_draft = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(row.name(), row.slug(), row.layout(), row.options(), row.tags(), row.isArchived(),
                        row.isDraft(), now, row.id(), expectedVersion).update() == 1;
    }

    /**
     * The tags of every dashboard not archived that {@code viewerId} may list (published or theirs), as JSON array
     * text, one row per dashboard.
     */
    List<String> tagsOfListed(long viewerId) {
        return jdbc.sql("SELECT tags FROM dashboards WHERE is_archived = FALSE AND " + LISTED).param(viewerId)
                .query(String.class).list();
    }

    boolean archive(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE dashboards SET is_archived = TRUE, version = version + 1, updated_at = ? WHERE id = ?")
                .params(now, id).update() == 1;
    }

    long count(DashboardFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM dashboards WHERE " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    List<DashboardRow> list(DashboardFilter filter) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(filter.pageSize());
        params.add(filter.offset());
        return jdbc.sql("SELECT " + DashboardRow.COLUMNS + " FROM dashboards WHERE " + where.sql
                        + " ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(DASHBOARDS).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(DashboardFilter filter) {
        StringBuilder sql = new StringBuilder("is_archived = FALSE AND " + LISTED);
        List<Object> params = new ArrayList<>(List.of(filter.viewerId()));
        if (filter.favoritesOf() != null) {
            sql.append(" AND id IN (SELECT dashboard_id FROM dashboard_favorites WHERE user_id = ?)");
            params.add(filter.favoritesOf());
        }
        if (filter.ownerId() != null) {
            sql.append(" AND user_id = ?");
            params.add(filter.ownerId());
        }
        if (filter.search() != null) {
            sql.append(" AND LOWER(name) LIKE LOWER(?) ESCAPE '!'");
            params.add("%" + filter.search().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        for (String tag : filter.tags()) { // tags is a JSON array of strings: match the tag's JSON text
            sql.append(" AND tags LIKE ? ESCAPE '!'");
            params.add("%" + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(tag.strip())
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return new Where(sql.toString(), params);
    }
}
