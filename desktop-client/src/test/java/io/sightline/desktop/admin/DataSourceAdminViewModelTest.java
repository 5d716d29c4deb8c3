package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.support.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin form built from a type's configuration schema, saved and tested against the real server. */
class DataSourceAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final DataSourceAdminViewModel admin = new DataSourceAdminViewModel(dataSourcesApi, Tasks.serialUi());

    private void loaded() {
        admin.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.types().isEmpty() && !admin.dataSources().isEmpty());
    }

    private void chooseType(String type) {
        admin.startNew();
        admin.typeProperty().set(admin.types().stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow());
    }

    @Test
    void buildsTheFormFromTheTypesConfigurationSchemaWithDefaults() {
        loaded();
        chooseType("h2");

        assertThat(admin.fields()).extracting(OptionField::name).startsWith("url", "user", "password")
                .contains("row_limit");
        assertThat(admin.fields()).filteredOn(OptionField::secret).extracting(OptionField::name).contains("password");
        assertThat(admin.values()).containsEntry("user", "sa");
    }

    @Test
    void namesEveryMissingOrMalformedValueBeforeSending() {
        loaded();
        chooseType("h2");
        admin.values().put("row_limit", "lots");

        assertThat(admin.problems()).contains("Name is required").anyMatch(p -> p.contains("is required")
                && p.startsWith("JDBC URL")).anyMatch(p -> p.contains("must be a number"));
    }

    @Test
    void createsADataSourceAndTestsItsConnection() {
        loaded();
        chooseType("h2");
        String name = "Desktop admin " + UUID.randomUUID().toString().substring(0, 8);
        admin.nameProperty().set(name);
        admin.values().put("url", "jdbc:h2:mem:" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");

        admin.save(() -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith("Saved"));
        assertThat(dataSourcesApi.dataSources()).anyMatch(ds -> ds.name().equals(name) && ds.type().equals("h2"));

        admin.test();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.messageProperty().get().startsWith("Connection"));
        assertThat(admin.messageProperty().get()).isEqualTo("Connection works.");
    }
}
