package io.sightline.server.result;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention pass with the metadata store on PostgreSQL (its SQL and the V14 index run there too). */
class ResultRetentionOnPostgresTest extends PostgresMetadataServerTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ResultRetention retention;

    @Test
    void deletesResultsOlderThanTheRetentionButNotTheLatestOfASavedQuery() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        RetentionChecks.deletesOldResultsButKeepsLatestOfSavedQuery(api(), jdbc, retention, source, false);
    }
}
