package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other features may ask of data sources. */
@Service
public class DataSources {

    private final JdbcClient jdbc;

    DataSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM data_sources WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** @throws ApiException 404 when there is no such data source */
    public void requireExists(long id) {
        if (!exists(id)) {
            throw ApiException.notFound("Data source " + id + " does not exist");
        }
    }
}
