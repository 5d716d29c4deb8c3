package io.sightline.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.parameter.ParameterType;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.run.RunState;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saving, unsaved changes, the 409 conflict, and a run with parameters, against the real server. */
class QueryTabViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();

    private QueryTabViewModel tab() {
        QueryTabViewModel tab = new QueryTabViewModel(client, tasks, Clock.systemDefaultZone());
        tab.dataSourceIdProperty().set(dataSourcesApi.dataSources().get(0).id());
        return tab;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    private QueryTabViewModel savedTab(String sql) {
        QueryTabViewModel tab = tab();
        tab.textProperty().set(sql);
        tab.saveAsNew("Desktop test " + UUID.randomUUID(), () -> { });
        waitFor(() -> !tab.isNew() && !tab.savingProperty().get());
        return tab;
    }

    @Test
    void aNewTabHasNoUnsavedChangesUntilSomethingIsTyped() {
        QueryTabViewModel tab = tab();
        assertThat(tab.dirty().get()).isFalse();

        tab.textProperty().set("SELECT 1");

        assertThat(tab.dirty().get()).isTrue();
        assertThat(tab.title().get()).isEqualTo("New query \u25CF");
    }

    @Test
    void savingANewQueryCreatesVersionOneAndClearsTheUnsavedMarker() {
        QueryTabViewModel tab = savedTab("SELECT 1 AS one");

        assertThat(tab.versionProperty().get()).isEqualTo(1L);
        assertThat(tab.dirty().get()).isFalse();
        assertThat(queriesApi.query(tab.queryIdProperty().get()).query()).isEqualTo("SELECT 1 AS one");
    }

    @Test
    void aSavedQueryIsADraftUntilPublishedAndPublishingKeepsUnsavedEdits() {
        QueryTabViewModel tab = savedTab("SELECT 1 AS one");
        assertThat(tab.draftProperty().get()).as("a new query is a draft, as in Redash").isTrue();
        assertThat(tab.canEditProperty().get()).isTrue();
        tab.textProperty().set("SELECT 2 AS two");

        tab.publish();
        waitFor(() -> !tab.draftProperty().get() && !tab.publishingProperty().get());

        var onServer = queriesApi.query(tab.queryIdProperty().get());
        assertThat(onServer.draft()).isFalse();
        assertThat(onServer.query()).as("publishing changes only the flag").isEqualTo("SELECT 1 AS one");
        assertThat(tab.textProperty().get()).isEqualTo("SELECT 2 AS two");
        assertThat(tab.dirty().get()).isTrue();
        assertThat(tab.messageProperty().get()).startsWith("Published");

        tab.save(() -> { });
        waitFor(() -> !tab.savingProperty().get() && !tab.dirty().get());
        assertThat(tab.conflictProperty().get()).as("the publish is no one else's change").isNull();
        assertThat(queriesApi.query(tab.queryIdProperty().get()).query()).isEqualTo("SELECT 2 AS two");
    }

    @Test
    void aNewTabIsNoDraftToPublish() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT 1");

        tab.publish();

        assertThat(tab.draftProperty().get()).isFalse();
        assertThat(tab.publishingProperty().get()).isFalse();
    }

    @Test
    void savingAnEditAddsAVersionAndKeepsTheParameterDeclarations() {
        QueryTabViewModel tab = savedTab("SELECT 1");
        tab.textProperty().set("SELECT {{ n }} AS n");
        tab.parameters().fields().get(0).typeProperty().set(ParameterType.NUMBER);
        tab.parameters().fields().get(0).valueProperty().set("3");
        assertThat(tab.dirty().get()).isTrue();

        tab.save(() -> { });
        waitFor(() -> tab.versionProperty().get() == 2L && !tab.savingProperty().get());

        assertThat(tab.dirty().get()).isFalse();
        var saved = queriesApi.query(tab.queryIdProperty().get());
        assertThat(QueriesClient.parameters(saved.options())).singleElement()
                .satisfies(p -> assertThat(p.type()).isEqualTo(ParameterType.NUMBER));
        assertThat(queriesApi.versions(saved.id())).hasSize(2);
    }

    @Test
    void aSaveAfterSomeoneElseSavedIsAConflictThatCanBeOverwritten() {
        QueryTabViewModel mine = savedTab("SELECT 'original'");
        QueryTabViewModel theirs = tab();
        theirs.load(queriesApi.query(mine.queryIdProperty().get()));
        theirs.textProperty().set("SELECT 'theirs'");
        theirs.save(() -> { });
        waitFor(() -> theirs.versionProperty().get() == 2L);

        mine.textProperty().set("SELECT 'mine'");
        mine.save(() -> { });
        waitFor(() -> mine.conflictProperty().get() != null);

        assertThat(mine.conflictProperty().get().theirVersion()).isEqualTo(2L);
        assertThat(mine.messageProperty().get()).contains("Not saved");
        assertThat(mine.dirty().get()).isTrue();

        mine.overwrite(() -> { });
        waitFor(() -> mine.versionProperty().get() == 3L && !mine.savingProperty().get());
        assertThat(queriesApi.query(mine.queryIdProperty().get()).query()).isEqualTo("SELECT 'mine'");
        assertThat(mine.conflictProperty().get()).isNull();
    }

    @Test
    void aConflictCanBeResolvedByReloadingTheirVersion() {
        QueryTabViewModel mine = savedTab("SELECT 'original'");
        long id = mine.queryIdProperty().get();
        QueryTabViewModel theirs = tab();
        theirs.load(queriesApi.query(id));
        theirs.textProperty().set("SELECT 'theirs'");
        theirs.save(() -> { });
        waitFor(() -> theirs.versionProperty().get() == 2L);
        mine.textProperty().set("SELECT 'mine'");
        mine.save(() -> { });
        waitFor(() -> mine.conflictProperty().get() != null);

        mine.reloadFromServer();
        waitFor(() -> mine.versionProperty().get() == 2L);

        assertThat(mine.textProperty().get()).isEqualTo("SELECT 'theirs'");
        assertThat(mine.dirty().get()).isFalse();
    }

    @Test
    void restoringAnOlderVersionPutsItInTheEditorAsAnUnsavedChange() {
        QueryTabViewModel tab = savedTab("SELECT 'v1'");
        tab.textProperty().set("SELECT 'v2'");
        tab.save(() -> { });
        waitFor(() -> tab.versionProperty().get() == 2L);

        tab.restore(queriesApi.version(tab.queryIdProperty().get(), 1));

        assertThat(tab.textProperty().get()).isEqualTo("SELECT 'v1'");
        assertThat(tab.dirty().get()).isTrue();
    }

    @Test
    void runsUnsavedSqlWithATypedDateRangeAndShowsTheRows() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT day, region FROM sales.daily_revenue\n"
                + "WHERE day BETWEEN '{{ period.start }}' AND '{{ period.end }}' ORDER BY day, region");
        tab.parameters().fields().get(0).setRange("2024-01-01", "2024-01-07");

        tab.run(tab.textProperty().get(), 0);
        waitFor(() -> tab.run().stateProperty().get() == RunState.FINISHED);

        assertThat(tab.results().rowCountProperty().get()).isEqualTo(28); // 7 days x 4 regions
        assertThat(tab.results().rowsProperty().get().get(0).value(0)).isEqualTo("2024-01-01");
        assertThat(tab.results().columns()).extracting(c -> c.name()).containsExactly("day", "region");
    }

    @Test
    void aDatabaseErrorIsShownWithItsLine() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT 1\nFROM\nWHERE");

        tab.run(tab.textProperty().get(), 0);
        waitFor(() -> tab.run().stateProperty().get() == RunState.FAILED);

        assertThat(tab.run().errorProperty().get()).isNotBlank();
        assertThat(tab.run().errorLineProperty().get()).isBetween(0, 2);
    }

    @Test
    void cancelsASlowQueryOnTheServer() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3");

        tab.run(tab.textProperty().get(), 0);
        waitFor(() -> tab.run().stateProperty().get() == RunState.RUNNING);
        tab.run().cancel();
        waitFor(() -> tab.run().stateProperty().get() == RunState.CANCELLED);

        assertThat(tab.results().hasResult()).isFalse();
    }

    @Test
    void refusesToRunWithAnInvalidParameterAndSaysWhich() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT {{ n }}");
        tab.parameters().fields().get(0).typeProperty().set(ParameterType.NUMBER);
        tab.parameters().fields().get(0).valueProperty().set("ten");

        tab.run(tab.textProperty().get(), 0);

        waitFor(() -> tab.run().stateProperty().get() == RunState.FAILED);
        assertThat(tab.run().errorProperty().get()).contains("Parameter 'n'");
        assertThat(List.of(tab.results().hasResult())).containsExactly(false);
    }

    @Test
    void keepsTheTabsEarlierResultsAndShowsOneAgain() {
        QueryTabViewModel tab = tab();
        tab.textProperty().set("SELECT 'first' AS run");
        tab.run(tab.textProperty().get(), 0);
        waitFor(() -> tab.history().size() == 1);
        tab.textProperty().set("SELECT 'second' AS run");
        tab.run(tab.textProperty().get(), 0);
        waitFor(() -> tab.history().size() == 2);

        assertThat(tab.history().get(0).sql()).contains("second");
        assertThat(tab.history().get(0).label()).contains("1 row").contains("SELECT 'second'");
        tab.showEarlier(tab.history().get(1));

        waitFor(() -> tab.results().rowsProperty().get() != null
                && "first".equals(tab.results().rowsProperty().get().get(0).value(0)));
    }
}
