package io.sightline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention pass deletes events older than the retention (365 days by default) and keeps the others; what is
 * left is read through the API. The old event is written straight into the table: nothing else can date one back.
 */
class AuditRetentionTest extends EmbeddedServerTest {

    private final ApplicationContext context;

    AuditRetentionTest(ApplicationContext context) {
        this.context = context;
    }

    @Test
    void eventsPastTheRetentionAreDeletedAndYoungerOnesKept() {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String type = "retention-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (var at : new OffsetDateTime[] {now.minusDays(400), now.minusDays(366), now.minusDays(364), now}) {
            jdbc.sql("INSERT INTO audit_events (user_id, action, object_type, object_id, additional_properties,"
                    + " created_at) VALUES (NULL, 'test', :type, :id, '{}', :at)").param("type", type)
                    .param("id", at.toString()).param("at", at).update();
        }
        Api admin = api();
        assertThat(admin.get("/api/events?object_type=" + type).json().path("count").asInt()).isEqualTo(4);

        assertThat(context.getBean(AuditRetention.class).deleteExpired()).isGreaterThanOrEqualTo(2);

        var left = admin.get("/api/events?object_type=" + type).json();
        assertThat(left.path("count").asInt()).isEqualTo(2);
        assertThat(left.path("results").get(0).path("object_id").asString()).isEqualTo(now.toString());
        assertThat(left.path("results").get(1).path("object_id").asString()).isEqualTo(now.minusDays(364).toString());
    }
}
