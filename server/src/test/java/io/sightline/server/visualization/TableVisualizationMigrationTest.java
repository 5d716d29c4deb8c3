package io.sightline.server.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V15: every query saved before visualizations existed gets the TABLE visualization a new query gets. */
class TableVisualizationMigrationTest {

    @Test
    void existingQueriesGetATableVisualization() throws Exception {
        String url = "jdbc:h2:mem:v15_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("14").load().migrate();
        try (var connection = DriverManager.getConnection(url, "sa", ""); var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO users (name, email, api_key, auth_type, created_at, updated_at)
                    VALUES ('Old', 'old@example.com', 'hash-v15', 'password', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            statement.execute("""
                    INSERT INTO data_sources (name, type, options, created_at, updated_at)
                    VALUES ('old', 'h2', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            for (String name : new String[] {"first", "second"}) {
                statement.execute("""
                        INSERT INTO queries (name, query_text, query_hash, data_source_id, user_id, options, api_key,
                            version, created_at, updated_at)
                        SELECT '%s', 'SELECT 1', 'h', ds.id, u.id, '{}', '%s', 1, TIMESTAMP WITH TIME ZONE
                            '2024-05-01 10:00:00+00', CURRENT_TIMESTAMP
                        FROM data_sources ds, users u WHERE ds.name = 'old' AND u.email = 'old@example.com'"""
                        .formatted(name, "key-v15-" + name));
            }

            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

            var rows = statement.executeQuery("""
                    SELECT q.name, v.type, v.name, v.options, v.created_at FROM visualizations v
                    JOIN queries q ON q.id = v.query_id ORDER BY q.name""");
            for (String query : new String[] {"first", "second"}) {
                assertThat(rows.next()).as(query + " has a visualization").isTrue();
                assertThat(rows.getString(1)).isEqualTo(query);
                assertThat(rows.getString(2)).isEqualTo("TABLE");
                assertThat(rows.getString(3)).isEqualTo("Table");
                assertThat(rows.getString(4)).isEqualTo("{}");
                assertThat(rows.getObject(5, java.time.OffsetDateTime.class).getYear()).as("as old as its query")
                        .isEqualTo(2024);
            }
            assertThat(rows.next()).as("one each").isFalse();
        }
    }
}
