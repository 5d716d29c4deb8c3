package io.sightline.server.query;

import io.sightline.server.support.ApiKeyHash;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/** Fixtures for query tests: data sources and users go straight into the tables, queries through the API. */
abstract class QueryTestBase extends EmbeddedServerTest {

    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A data source row of our own (the data source API is built elsewhere) that the default group, and so every
     * user, has full access to: users see and save queries only on data sources their groups reach.
     */
    long dataSource() {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO data_sources (name, type, options, created_at, updated_at)
                VALUES (?, 'h2', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .param(unique("ds")).update(keys, "id");
        long id = keys.getKey().longValue();
        grantDefaultGroup(id);
        return id;
    }

    /** Full access for the default group, and so for every user: a new data source is no group's until granted. */
    void grantDefaultGroup(long id) {
        jdbc.sql("""
                INSERT INTO data_source_groups (data_source_id, group_id, view_only)
                SELECT ?, id, FALSE FROM groups WHERE name = 'default'""").param(id).update();
    }

    /** A user in the default group only (not an admin), calling with its own API key. */
    Api newUser(String name) {
        String key = unique("key").replace("-", "") + "0123456789abcdef";
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO users (name, email, api_key_hash, auth_type, created_at, updated_at)
                VALUES (?, ?, ?, 'password', ?, ?)""")
                .params(name, unique(name) + "@example.com", ApiKeyHash.of(key), now, now).update(keys, "id");
        jdbc.sql("INSERT INTO user_groups (user_id, group_id) SELECT ?, id FROM groups WHERE name = 'default'")
                .param(keys.getKey().longValue()).update();
        return api().withKey(key);
    }

    long userId(Api as) {
        return as.get("/api/session").json().path("user").path("id").asLong();
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    JsonNode create(Api as, Map<String, Object> body) {
        var response = as.post("/api/queries", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode create(Map<String, Object> body) {
        return create(api(), body);
    }

    /** A query on a fresh data source with a unique name. */
    JsonNode createQuery(String sql) {
        return create(body("data_source_id", dataSource(), "name", unique("query"), "query", sql));
    }

    JsonNode update(long id, Map<String, Object> body) {
        var response = api().post("/api/queries/" + id, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
