package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.api.OrganizationSettingsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Organization settings screen's logic against the real server: read, refused, saved and taken at once. */
class OrganizationSettingsViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final OrganizationSettingsViewModel admin = new OrganizationSettingsViewModel(client, Tasks.serialUi());

    @AfterEach
    void backToDefaults() {
        Map<String, Object> reset = new HashMap<>();
        for (String name : List.of("date_format", "time_format", "integer_format", "float_format")) {
            reset.put(name, null);
        }
        new OrganizationSettingsClient(client).save(reset);
        CurrentFormats.set(null);
    }

    @Test
    void readsRefusesAndSavesTheFormats() {
        admin.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DD/MM/YY".equals(admin.dateFormatProperty().get()));
        assertThat(admin.timeFormatProperty().get()).isEqualTo("HH:mm");
        assertThat(admin.floatFormatProperty().get()).isEqualTo("0,0.00");
        assertThat(admin.previewProperty().get()).contains("Date: 05/03/24", "Integer: 1,234,567",
                "Float: 1,234.57");

        admin.floatFormatProperty().set("two decimals");
        admin.save();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().contains("float_format"));
        assertThat(admin.messageProperty().get()).contains("'two decimals'");
        assertThat(CurrentFormats.get()).isEqualTo(OrganizationFormats.DEFAULTS);

        admin.floatFormatProperty().set("0,0.000");
        admin.timeFormatProperty().set("HH:mm:ss");
        admin.save();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith("Saved"));
        assertThat(CurrentFormats.get()).isEqualTo(new OrganizationFormats("DD/MM/YY", "DD/MM/YY HH:mm:ss", "0,0",
                "0,0.000"));
        assertThat(new OrganizationSettingsClient(client).formats()).as("what the next sign-in reads")
                .isEqualTo(CurrentFormats.get());
    }
}
