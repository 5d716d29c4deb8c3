package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data source as a worker is about to run a job on it, from one read of its row: what running needs to know, and
 * a connection made from the same row (its options are decrypted only when the row changed).
 */
public final class DataSourceRun {

    private final DataSourceRow row;
    private final DataSourceInfo info;
    private final ConfiguredDataSources configured;
    private final ConnectionPools pools;

    DataSourceRun(DataSourceRow row, DataSourceInfo info, ConfiguredDataSources configured, ConnectionPools pools) {
        this.row = row;
        this.info = info;
        this.configured = configured;
        this.pools = pools;
    }

    public DataSourceInfo info() {
        return info;
    }

    /**
     * A connection from the data source's pool; the caller closes it. Its failures carry the database's message with
     * the data source's secrets masked.
     */
    public Connection connection() throws SQLException {
        return pools.connection(configured.load(row));
    }
}
