package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Creates data sources through the API, each with a unique name. */
public final class DataSourceFixtures {

    private final Api api;

    public DataSourceFixtures(Api api) {
        this.api = api;
    }

    /** The machine's PostgreSQL, database {@code test}. */
    public long postgres(Map<String, Object> extraOptions) {
        var options = new HashMap<String, Object>(Map.of("host", "127.0.0.1", "port", 5432, "user", "postgres",
                "dbname", "test"));
        options.putAll(extraOptions);
        return create("pg", options);
    }

    /** The machine's MariaDB, database {@code test}. */
    public long mariadb(Map<String, Object> extraOptions) {
        var options = new HashMap<String, Object>(Map.of("host", "127.0.0.1", "port", 3306, "user", "root", "db", "test"));
        options.putAll(extraOptions);
        return create("mysql", options);
    }

    /** An in-memory H2 database that the test JVM can also open by its URL. */
    public long h2(String jdbcUrl, Map<String, Object> extraOptions) {
        var options = new HashMap<String, Object>(Map.of("url", jdbcUrl));
        options.putAll(extraOptions);
        return create("h2", options);
    }

    public long create(String type, Map<String, Object> options) {
        var response = api.post("/api/data_sources",
                Map.of("name", type + "-" + UUID.randomUUID(), "type", type, "options", options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
