package io.sightline.server.result;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention pass on the embedded (H2) metadata store; the pass itself is triggered here, not waited for. */
class ResultRetentionTest extends EmbeddedServerTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ResultRetention retention;

    @Test
    void deletesResultsOlderThanTheRetentionButNotTheLatestOfASavedQuery() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        RetentionChecks.deletesOldResultsButKeepsLatestOfSavedQuery(api(), jdbc, retention, source, true);
    }
}
