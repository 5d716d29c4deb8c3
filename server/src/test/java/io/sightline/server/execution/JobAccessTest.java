package io.sightline.server.execution;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs in the in-memory job store: seen by who reaches their data source, cancelled by who started them. */
class JobAccessTest extends EmbeddedServerTest {

    private JobAccessChecks checks;

    @BeforeEach
    void slowRunsOnPostgres() {
        // slower than the one second the server waits before answering with the job
        checks = new JobAccessChecks(api(), new DataSourceFixtures(api()).postgres(Map.of()), "SELECT pg_sleep(1.5)");
    }

    @Test
    void hidesAJobFromUsersWhoCannotReachItsDataSource() {
        checks.hidesAJobFromUsersWhoCannotReachItsDataSource();
    }

    @Test
    void cancelsAJobOnlyForWhoStartedItOrAnAdmin() {
        checks.cancelsAJobOnlyForWhoStartedItOrAnAdmin();
    }
}
