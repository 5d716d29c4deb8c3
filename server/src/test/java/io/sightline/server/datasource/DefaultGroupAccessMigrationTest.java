package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V6: data sources that existed without the default group's access get it, full; existing grants stay. */
class DefaultGroupAccessMigrationTest {

    @Test
    void existingDataSourcesJoinTheDefaultGroupWithFullAccess() throws Exception {
        String url = "jdbc:h2:mem:v6_" + UUID.randomUUID().toString().replace("-", "") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        try (var connection = DriverManager.getConnection(url, "sa", ""); var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO data_sources (name, type, options, created_at, updated_at) VALUES
                      ('old', 'h2', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
                      ('granted', 'h2', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            statement.execute("""
                    INSERT INTO data_source_groups (data_source_id, group_id, view_only)
                    SELECT ds.id, g.id, TRUE FROM data_sources ds, groups g WHERE ds.name = 'granted' AND g.name = 'default'""");

            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

            var rows = statement.executeQuery("""
                    SELECT ds.name, dsg.view_only FROM data_source_groups dsg JOIN data_sources ds ON ds.id = dsg.data_source_id
                    JOIN groups g ON g.id = dsg.group_id WHERE g.name = 'default' ORDER BY ds.name""");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("granted");
            assertThat(rows.getBoolean(2)).as("an existing grant is kept as it was").isTrue();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("old");
            assertThat(rows.getBoolean(2)).as("full access").isFalse();
            assertThat(rows.next()).isFalse();
        }
    }
}
