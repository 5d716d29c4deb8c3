package io.sightline.server.query;

import io.sightline.common.api.query.QueryTags.TagCount;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QueryTagRepository {

    /** Maps columns by name from the result metadata, once per class (not per query). */
    private static final RowMapper<TagCount> TAG_COUNTS = new DataClassRowMapper<>(TagCount.class);

    private final JdbcClient jdbc;

    QueryTagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long queryId, List<String> tags) {
        jdbc.sql("DELETE FROM query_tags WHERE query_id = ?").param(queryId).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO query_tags (query_id, tag) VALUES (?, ?)").params(queryId, tag).update();
        }
    }

    List<String> tags(long queryId) {
        return jdbc.sql("SELECT tag FROM query_tags WHERE query_id = ? ORDER BY tag").param(queryId)
                .query(String.class).list();
    }

    /** Tags of several queries in one round trip; a query without tags maps to an empty list. */
    Map<Long, List<String>> tags(Collection<Long> queryIds) {
        if (queryIds.isEmpty()) {
            return Map.of();
        }
        record Tag(long queryId, String tag) {
        }
        List<Tag> rows = jdbc.sql("SELECT query_id, tag FROM query_tags WHERE query_id IN ("
                        + String.join(", ", Collections.nCopies(queryIds.size(), "?")) + ") ORDER BY query_id, tag")
                .params(List.copyOf(queryIds)).query((rs, row) -> new Tag(rs.getLong(1), rs.getString(2))).list();
        Map<Long, List<String>> byQuery = rows.stream().collect(Collectors.groupingBy(Tag::queryId,
                LinkedHashMap::new, Collectors.mapping(Tag::tag, Collectors.toList())));
        queryIds.forEach(id -> byQuery.putIfAbsent(id, List.of()));
        return byQuery;
    }

    /** @param dataSourceIds count only queries on these data sources; null = on any */
    List<TagCount> counts(Set<Long> dataSourceIds) {
        String within = "";
        if (dataSourceIds != null) {
            within = dataSourceIds.isEmpty() ? " AND 1 = 0" : " AND q.data_source_id IN ("
                    + String.join(", ", Collections.nCopies(dataSourceIds.size(), "?")) + ")";
        }
        return jdbc.sql("SELECT t.tag AS name, COUNT(*) AS count FROM query_tags t JOIN queries q ON q.id = t.query_id"
                        + " WHERE q.is_archived = FALSE" + within + " GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag")
                .params(dataSourceIds == null ? List.of() : List.copyOf(dataSourceIds))
                .query(TAG_COUNTS).list();
    }
}
