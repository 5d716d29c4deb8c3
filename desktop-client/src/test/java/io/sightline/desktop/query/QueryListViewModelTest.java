package io.sightline.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.QueryScope;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The navigator's saved-query filters against the real server; each test searches for its own queries only. */
class QueryListViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final QueryListViewModel list = new QueryListViewModel(queriesApi, Tasks.serialUi());
    private final String marker = "nav" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void searchForThisTestsQueries() {
        list.searchProperty().set(marker);
    }

    private Query save(String name, List<String> tags) {
        long source = dataSourcesApi.dataSources().get(0).id();
        return queriesApi.createQuery(new QueryDraft(source, marker + " " + name, "", "SELECT 1", List.of(), tags, null));
    }

    private List<String> shownAfter(Runnable change) {
        change.run();
        await().atMost(Duration.ofSeconds(10)).until(() -> !list.loadingProperty().get());
        return list.queries().stream().map(q -> q.name().substring(marker.length() + 1)).toList();
    }

    private void showing(String... names) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !list.loadingProperty().get()
                && list.queries().stream().map(q -> q.name().substring(marker.length() + 1)).toList()
                .equals(List.of(names)));
    }

    @Test
    void aStarredQueryIsListedUnderFavouritesAndLeavesWhenUnstarred() {
        save("plain", List.of());
        Query starred = save("starred", List.of());
        list.scopeProperty().set(QueryScope.FAVORITES);
        showing();
        assertThat(list.messageProperty().get()).startsWith("No query matches");

        list.scopeProperty().set(QueryScope.ALL);
        showing("starred", "plain");
        list.toggleFavorite(list.queries().get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> list.queries().get(0).favorite());
        assertThat(list.queries().get(1).favorite()).isFalse();

        list.scopeProperty().set(QueryScope.FAVORITES);
        showing("starred");
        assertThat(list.queries().get(0).id()).isEqualTo(starred.id());

        list.toggleFavorite(list.queries().get(0));
        showing();
        assertThat(list.messageProperty().get()).isEqualTo("No query matches \"" + marker + "\".");
        assertThat(queriesApi.query(starred.id()).favorite()).isFalse();
    }

    @Test
    void anOpenedQueryComesFirstUnderRecent() {
        Query first = save("first", List.of());
        save("second", List.of());
        list.scopeProperty().set(QueryScope.RECENT);
        showing("second", "first"); // saving is a use too

        queriesApi.query(first.id()); // what the workbench does when it opens a query

        assertThat(shownAfter(list::reload)).containsExactly("first", "second");
    }

    @Test
    void aCreatedQueryIsListedUnderMine() {
        list.scopeProperty().set(QueryScope.MINE);
        showing();
        assertThat(list.messageProperty().get()).isEqualTo("No query matches \"" + marker + "\".");

        save("mine", List.of());

        assertThat(shownAfter(list::reload)).containsExactly("mine");
    }

    @Test
    void aTagNarrowsEveryScope() {
        String tag = marker + "-tag";
        save("tagged", List.of(tag));
        save("untagged", List.of());
        list.reload();
        showing("untagged", "tagged");
        await().atMost(Duration.ofSeconds(10)).until(() -> list.tags().contains(tag));

        list.tagProperty().set(tag);
        showing("tagged");
        list.scopeProperty().set(QueryScope.RECENT);
        showing("tagged");
        list.tagProperty().set(null);
        showing("untagged", "tagged");
    }
}
