package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which URLs reach the metadata database: the PostgreSQL case, which the embedded test server (H2 metadata) cannot
 * show through the API without taking over the shared PostgreSQL metadata database; the H2 case is also tested
 * through the API in {@link InJvmSandboxTest}. No connection is opened: the pool is only configured.
 */
class MetadataDatabaseGuardTest {

    @TempDir
    Path dir;

    @Test
    void postgresIsTheSameDatabaseOnTheSameServerWhateverTheLocalHostName() {
        try (var metadata = new HikariDataSource()) {
            metadata.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/sightline");
            var guard = new MetadataDatabaseGuard(metadata);

            assertThat(guard.reachesMetadata("jdbc:postgresql://localhost:5432/sightline")).isTrue();
            assertThat(guard.reachesMetadata("jdbc:postgresql://localhost/Sightline?sslmode=disable")).isTrue();
            assertThat(guard.reachesMetadata("jdbc:postgresql://example.invalid,localhost:5432/sightline")).isTrue();
            assertThat(guard.reachesMetadata("jdbc:postgresql://127.0.0.1:5433/sightline")).isFalse();
            assertThat(guard.reachesMetadata("jdbc:postgresql://127.0.0.1:5432/warehouse")).isFalse();
            assertThat(guard.reachesMetadata("jdbc:postgresql://example.invalid:5432/sightline")).isFalse();
        }
    }

    @Test
    void h2IsTheSameFileHoweverTheUrlSpellsIt() {
        Path file = dir.resolve("metadata");
        try (var metadata = new HikariDataSource()) {
            metadata.setJdbcUrl("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
            var guard = new MetadataDatabaseGuard(metadata);

            assertThat(guard.reachesMetadata("jdbc:h2:" + file)).isTrue();
            assertThat(guard.reachesMetadata("jdbc:h2:nio:" + file + ".mv.db;IFEXISTS=TRUE")).isTrue();
            assertThat(guard.reachesMetadata("jdbc:h2:file:" + dir.resolve("a/../metadata"))).isTrue();
            assertThat(guard.reachesMetadata("jdbc:h2:file:" + dir.resolve("other"))).isFalse();
            assertThat(guard.reachesMetadata("jdbc:h2:mem:metadata")).isFalse();
        }
    }
}
