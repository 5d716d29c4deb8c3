package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SIGHTLINE_DATABASE_URL / REDASH_DATABASE_URL accept JDBC URLs and Redash's postgresql:// URLs. */
class MetadataDatabaseUrlTest {

    @Test
    void redashStyleUrlBecomesJdbcWithCredentials() {
        var config = MetadataDatabase.fromUrl("postgresql://redash:p%40ss@db.internal:6543/redash?sslmode=require");
        assertThat(config.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/redash?sslmode=require");
        assertThat(config.getUsername()).isEqualTo("redash");
        assertThat(config.getPassword()).isEqualTo("p@ss");
    }

    @Test
    void defaultPortIs5432() {
        assertThat(MetadataDatabase.fromUrl("postgres://u@localhost/db").getJdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/db");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        assertThat(MetadataDatabase.fromUrl("jdbc:postgresql://h:1/d?user=x").getJdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/d?user=x");
    }

    @Test
    void otherSchemesAreRejectedNamingTheAcceptedForms() {
        assertThatThrownBy(() -> MetadataDatabase.fromUrl("mysql://h/d"))
                .hasMessageContaining("'mysql'").hasMessageContaining("postgresql://");
    }
}
