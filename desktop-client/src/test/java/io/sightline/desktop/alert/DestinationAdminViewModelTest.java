package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The destinations screen's logic against the real server: a form from the type's schema, secrets kept masked. */
class DestinationAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DestinationAdminViewModel admin = new DestinationAdminViewModel(new DestinationsClient(client), Tasks.serialUi());

    @Test
    void createsASlackDestinationEditsItWithTheSecretMaskedAndTestsIt() {
        admin.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.types().isEmpty());
        admin.typeProperty().set(admin.types().stream().filter(t -> t.type().equals("slack")).findFirst().orElseThrow());
        assertThat(admin.fields()).anyMatch(f -> f.name().equals("url") && f.secret() && f.required());

        admin.save(() -> { });
        assertThat(admin.messageProperty().get()).contains("Name is required");

        String name = "slack " + UUID.randomUUID().toString().substring(0, 8);
        admin.nameProperty().set(name);
        admin.values().put("url", "http://127.0.0.1:9/hook");
        admin.save(() -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.destinations().stream()
                .anyMatch(d -> d.name().equals(name)));

        var created = admin.destinations().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        admin.edit(created);
        await().atMost(Duration.ofSeconds(10)).until(() -> "--------".equals(admin.values().get("url")));
        admin.save(() -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith("Saved"));

        admin.test();
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.messageProperty().get().startsWith("Test failed"));
        assertThat(admin.messageProperty().get()).as("nothing listens on port 9; the URL is not shown")
                .doesNotContain("127.0.0.1:9");
    }
}
