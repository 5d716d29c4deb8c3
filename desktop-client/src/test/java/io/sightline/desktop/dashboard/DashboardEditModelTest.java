package io.sightline.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.VisualizationChoice;
import io.sightline.desktop.dashboard.WidgetViewModel.Position;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edit mode against the real server: widgets moved, resized, added and removed, saved through the widgets API and
 * read back as a reopened dashboard shows them.
 */
class DashboardEditModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final DashboardsClient dashboards = new DashboardsClient(client);
    private final Predicate<Dashboard> admin = DashboardViewModel.managedBy(new SessionClient(client).session());
    private final BackgroundTasks tasks = Tasks.serialUi();
    private final String marker = "edit " + UUID.randomUUID().toString().substring(0, 8);
    private long dashboardId;
    private long counterId;
    private long textId;
    private DashboardViewModel model;

    @BeforeEach
    void dashboardWithACounterAndAText() throws Exception {
        Query kpis = queriesApi.queries("sales__kpis_last_30_days__v1", false, 1, 20).results().stream()
                .filter(q -> q.name().equals("sales__kpis_last_30_days__v1")).findFirst().orElseThrow();
        long counterViz = queriesApi.query(kpis.id()).visualizations().stream()
                .filter(v -> "COUNTER".equals(v.type())).findFirst().orElseThrow().id();
        dashboardId = dashboards.createDashboard(marker, List.of()).id();
        counterId = dashboards.addWidget(dashboardId, counterViz, null, place(0, 0, 4, 5));
        textId = dashboards.addWidget(dashboardId, null, "## Notes", place(4, 0, 8, 2));
        model = onUi(() -> new DashboardViewModel(dashboards, new SharesClient(client), tasks, admin,
                dashboards.dashboard(dashboardId)));
    }

    private static Map<String, Object> place(int col, int row, int sizeX, int sizeY) {
        return Map.of("position", Map.of("col", col, "row", row, "sizeX", sizeX, "sizeY", sizeY));
    }

    /** Runs {@code action} on the test's "UI" thread, as the view would, and answers its result. */
    private <T> T onUi(Callable<T> action) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        tasks.onUi(() -> {
            try {
                answer.complete(action.call());
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private WidgetViewModel widget(long id) throws Exception {
        return onUi(() -> model.widgets().stream().filter(w -> w.id() == id).findFirst().orElseThrow());
    }

    /** The layout as the server has it: position by widget id. */
    private Map<Long, Position> savedLayout() {
        Map<Long, Position> layout = new LinkedHashMap<>();
        for (Map<String, Object> widget : dashboards.dashboard(dashboardId).widgets()) {
            WidgetViewModel read = WidgetViewModel.of(widget, Map.of());
            layout.put(read.id(), read.position());
        }
        return layout;
    }

    private void saveAndWait() throws Exception {
        onUi(() -> {
            model.edit().save();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> !model.edit().editingProperty().get()));
    }

    @Test
    void aMovedAndResizedWidgetIsWhereItWasLeftWhenTheDashboardIsReopened() throws Exception {
        WidgetViewModel counter = widget(counterId);
        WidgetViewModel text = widget(textId);
        onUi(() -> {
            model.edit().start();
            model.edit().move(counter, new Position(0, 2, 6, 4));
            model.edit().move(text, new Position(6, 0, 6, 2));
            return null;
        });
        saveAndWait();

        assertThat(onUi(() -> model.messageProperty().get())).isEmpty();
        assertThat(savedLayout()).containsExactlyInAnyOrderEntriesOf(Map.of(
                counterId, new Position(0, 2, 6, 4), textId, new Position(6, 0, 6, 2)));
        DashboardViewModel reopened = onUi(() -> new DashboardViewModel(dashboards, new SharesClient(client), tasks, admin,
                dashboards.dashboard(dashboardId)));
        assertThat(onUi(() -> reopened.edit().layout())).isEqualTo(onUi(() -> model.edit().layout()))
                .containsEntry(counterId, new Position(0, 2, 6, 4));
    }

    @Test
    void aWidgetMovedOntoAnotherPushesItDownAndBothAreSavedSo() throws Exception {
        WidgetViewModel text = widget(textId);
        onUi(() -> {
            model.edit().start();
            model.edit().move(text, new Position(2, 0, 8, 2)); // over the counter's top left
            return null;
        });
        assertThat(widget(counterId).position()).isEqualTo(new Position(0, 2, 4, 5));
        saveAndWait();
        assertThat(savedLayout()).containsExactlyInAnyOrderEntriesOf(Map.of(
                textId, new Position(2, 0, 8, 2), counterId, new Position(0, 2, 4, 5)));
    }

    @Test
    void aSecondEditorsSaveIsRefusedUntilTheyChooseToWriteOverTheFirstOnes() throws Exception {
        DashboardViewModel other = onUi(() -> new DashboardViewModel(dashboards, new SharesClient(client), tasks, admin,
                dashboards.dashboard(dashboardId)));
        WidgetViewModel mine = widget(counterId);
        WidgetViewModel theirs = onUi(() -> other.widgets().stream().filter(w -> w.id() == counterId).findFirst()
                .orElseThrow());
        onUi(() -> {
            model.edit().start();
            other.edit().start();
            other.edit().move(theirs, new Position(8, 0, 4, 5));
            other.edit().save();
            model.edit().move(mine, new Position(0, 3, 4, 5));
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> !other.edit().editingProperty().get()));
        onUi(() -> {
            model.edit().save();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> !model.edit().savingProperty().get()));

        assertThat(onUi(() -> model.messageProperty().get())).startsWith(
                "Not saved: someone saved this dashboard after you started editing");
        assertThat(onUi(() -> model.edit().editingProperty().get())).as("the changes are kept").isTrue();
        assertThat(savedLayout()).as("the first editor's layout stands").containsEntry(counterId,
                new Position(8, 0, 4, 5));

        saveAndWait(); // knowingly, over theirs
        assertThat(onUi(() -> model.messageProperty().get())).isEmpty();
        assertThat(savedLayout()).containsEntry(counterId, new Position(0, 3, 4, 5));
    }

    @Test
    void anAddedTextWidgetAndARemovedOneAreSaved() throws Exception {
        WidgetViewModel counter = widget(counterId);
        onUi(() -> {
            model.edit().start();
            model.edit().remove(counter);
            model.edit().addText("### Added\nwith **bold**");
            return null;
        });
        saveAndWait();

        List<Map<String, Object>> saved = dashboards.dashboard(dashboardId).widgets();
        assertThat(saved).extracting(w -> ((Number) w.get("id")).longValue()).doesNotContain(counterId);
        assertThat(saved).extracting(w -> w.get("text")).containsExactlyInAnyOrder("## Notes",
                "### Added\nwith **bold**");
        assertThat(onUi(() -> model.widgets().stream().filter(w -> w.kind() == WidgetViewModel.Kind.TEXT)
                .map(WidgetViewModel::position).toList())).as("the new one below the notes, shown as saved")
                .containsExactly(new Position(4, 0, 8, 2), new Position(0, 2, 6, 3));
    }

    @Test
    void aVisualizationPickedBySearchIsDrawnAndSaved() throws Exception {
        VisualizationPickerModel picker = onUi(() -> model.edit().picker());
        onUi(() -> {
            model.edit().start();
            picker.searchProperty().set("sales__kpis_last_30_days");
            picker.search();
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onUi(() -> !picker.choices().isEmpty()));
        VisualizationChoice table = onUi(() -> picker.choices().stream()
                .filter(c -> "TABLE".equals(c.visualization().type())).findFirst().orElseThrow());
        assertThat(table.label()).startsWith("sales__kpis_last_30_days__v1 \u2014 ");
        WidgetViewModel added = onUi(() -> model.edit().addVisualization(table));
        await().atMost(Duration.ofSeconds(60)).until(() -> onUi(() -> added.resultProperty().get() != null));
        assertThat(added.position()).as("below the others").isEqualTo(new Position(0, 5, 6, 8));
        saveAndWait();

        assertThat(onUi(() -> model.messageProperty().get())).isEmpty();
        assertThat(dashboards.dashboard(dashboardId).widgets()).filteredOn(w -> w.get("visualization")
                instanceof Map<?, ?> v
                && ((Number) v.get("id")).longValue() == table.visualization().id()).hasSize(1);
        assertThat(savedLayout()).containsValue(new Position(0, 5, 6, 8)).hasSize(3);
    }

    @Test
    void cancellingPutsTheWidgetsBackAndSavesNothing() throws Exception {
        WidgetViewModel counter = widget(counterId);
        WidgetViewModel text = widget(textId);
        onUi(() -> {
            model.edit().start();
            model.edit().move(counter, new Position(8, 9, 4, 5));
            model.edit().remove(text);
            model.edit().cancel();
            return null;
        });
        assertThat(onUi(() -> model.edit().layout())).isEqualTo(Map.of(counterId, new Position(0, 0, 4, 5),
                textId, new Position(4, 0, 8, 2)));
        assertThat(savedLayout()).isEqualTo(Map.of(counterId, new Position(0, 0, 4, 5),
                textId, new Position(4, 0, 8, 2)));
    }

    @Test
    void aSaveStoppedByTheServerSaysWhatWasSavedBeforeIt() throws Exception {
        WidgetViewModel counter = widget(counterId);
        WidgetViewModel text = widget(textId);
        onUi(() -> {
            model.edit().start();
            model.edit().remove(text);
            model.edit().move(counter, new Position(6, 0, 6, 5));
            return null;
        });
        dashboards.removeWidget(counterId); // gone behind the editor's back: its move fails
        saveAndWait();

        assertThat(onUi(() -> model.messageProperty().get())).startsWith("Saving stopped: ")
                .endsWith("Saved 1 of 2 changes (removed a text widget).");
        assertThat(savedLayout()).as("the removal was saved").isEmpty();
    }

    @Test
    void aQueryParameterMappedToANewDashboardParameterIsSavedAndShowsInTheHeader() throws Exception {
        Query products = queriesApi.queries("sales__top_products__v1", false, 1, 20).results().stream()
                .filter(q -> q.name().equals("sales__top_products__v1")).findFirst().orElseThrow();
        long table = queriesApi.query(products.id()).visualizations().get(0).id();
        long productsWidget = dashboards.addWidget(dashboardId, table, null, place(0, 5, 12, 6));
        model = onUi(() -> new DashboardViewModel(dashboards, new SharesClient(client), tasks, admin,
                dashboards.dashboard(dashboardId)));
        WidgetViewModel widget = widget(productsWidget);
        assertThat(onUi(() -> model.parameters().isEmpty())).as("no dashboard parameter yet").isTrue();

        List<ParameterMapping> before = onUi(() -> {
            model.edit().start();
            return model.edit().mappings(widget);
        });
        assertThat(before).containsExactly(new ParameterMapping("region", "Region",
                ParameterMapping.WIDGET_LEVEL, "region", ""));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> model.edit().mapParameters(widget,
                List.of(new ParameterMapping("region", "Region", ParameterMapping.DASHBOARD_LEVEL, " ", "")))))
                .as("a dashboard parameter needs a name").hasMessageContaining("\"region\"");
        onUi(() -> {
            model.edit().mapParameters(widget, List.of(new ParameterMapping("region", "Region",
                    ParameterMapping.DASHBOARD_LEVEL, "zone", "")));
            return null;
        });
        saveAndWait();

        Map<?, ?> saved = dashboards.dashboard(dashboardId).widgets().stream()
                .filter(w -> ((Number) w.get("id")).longValue() == productsWidget).findFirst()
                .map(w -> (Map<?, ?>) ((Map<?, ?>) w.get("options")).get("parameterMappings")).orElseThrow();
        Map<?, ?> region = (Map<?, ?>) saved.get("region");
        assertThat(region.get("type")).isEqualTo("dashboard-level");
        assertThat(region.get("mapTo")).isEqualTo("zone");
        assertThat(onUi(() -> model.parameters().stream().map(DashboardParameterField::name).toList()))
                .as("the header's new dashboard parameter").containsExactly("zone");
        assertThat(savedLayout()).as("the other widgets stay where they were").containsEntry(counterId,
                new Position(0, 0, 4, 5));
    }
}
