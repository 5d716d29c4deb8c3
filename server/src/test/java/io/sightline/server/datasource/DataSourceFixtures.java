package io.sightline.server.datasource;

import io.sightline.server.support.ApiKeyHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data for the data source tests: unique names, options for the machine's real databases, users. */
final class DataSourceFixtures {

    private DataSourceFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Map<String, Object> pg(String dbname) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("host", "127.0.0.1");
        options.put("port", 5432);
        options.put("user", "postgres");
        options.put("dbname", dbname);
        return options;
    }

    static Map<String, Object> mariadb(String user, String password, String db) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("host", "127.0.0.1");
        options.put("port", 3306);
        options.put("user", user);
        options.put("passwd", password);
        options.put("db", db);
        return options;
    }

    static Map<String, Object> body(String name, String type, Map<String, Object> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("options", options);
        return body;
    }

    /** A user in the default group only (no admin rights); returns their API key. */
    static String nonAdminKey(JdbcClient jdbc) {
        String key = "it-user-" + unique();
        var now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO users (name, email, api_key_hash, auth_type, created_at, updated_at) VALUES (?, ?, ?, 'password', ?, ?)")
                .params("Viewer", key + "@example.com", ApiKeyHash.of(key), now, now).update();
        jdbc.sql("""
                INSERT INTO user_groups (user_id, group_id)
                SELECT u.id, g.id FROM users u, groups g WHERE u.api_key_hash = ? AND g.name = 'default'""")
                .param(ApiKeyHash.of(key)).update();
        return key;
    }

    static void postgres(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static void mariadb(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
