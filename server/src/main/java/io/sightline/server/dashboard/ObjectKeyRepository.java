package io.sightline.server.dashboard;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stable keys ({@code options.sightline.key}) of dashboards and queries that an import matches, so that
 * importing a document twice updates what the first import made. A dashboard gets one at creation; a query when it
 * is first exported or imported.
 */
@Repository
class ObjectKeyRepository {

    static final String DASHBOARD = "dashboard";
    static final String QUERY = "query";

    private final JdbcClient jdbc;

    ObjectKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> keyOf(String type, long id) {
        return jdbc.sql("SELECT object_key FROM object_keys WHERE object_type = ? AND object_id = ? ORDER BY object_key"
                + " LIMIT 1").params(type, id).query(String.class).optional();
    }

    /** The object's key, given one now if it has none. */
    String keyOrNew(String type, long id) {
        return keyOf(type, id).orElseGet(() -> {
            String key = UUID.randomUUID().toString();
            put(type, key, id);
            return key;
        });
    }

    Optional<Long> find(String type, String key) {
        return jdbc.sql("SELECT object_id FROM object_keys WHERE object_type = ? AND object_key = ?")
                .params(type, key).query(Long.class).optional();
    }

    /** Points the key at the object (replacing what it pointed at); the object keeps only this key. */
    void put(String type, String key, long id) {
        jdbc.sql("DELETE FROM object_keys WHERE object_type = ? AND (object_key = ? OR object_id = ?)")
                .params(type, key, id).update();
        jdbc.sql("INSERT INTO object_keys (object_type, object_key, object_id) VALUES (?, ?, ?)")
                .params(type, key, id).update();
    }
}
