package io.sightline.desktop.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.support.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid against real stored results of 1,234 rows: paged (as a large result is, here with a lower limit for
 * holding results whole), or held whole to sort and filter; and a result cut at the row limit.
 */
class ResultGridViewModelTest {

    private static final SightlineClient CLIENT = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private static final DataSourcesClient DATA_SOURCES_API = new DataSourcesClient(CLIENT);
    private static final RunsClient RUNS_API = new RunsClient(CLIENT);
    private static long large;
    private static long small;

    @org.junit.jupiter.api.BeforeAll
    static void storeResults() throws InterruptedException {
        small = resultOf("SELECT range AS n, 'row ' || range AS label FROM range(1234)");
        large = resultOf("SELECT range AS n FROM range(12345)");
    }

    private final ResultGridViewModel grid = new ResultGridViewModel(RUNS_API, Tasks.serialUi(), 1_000);
    private final ResultGridViewModel whole = new ResultGridViewModel(RUNS_API, Tasks.serialUi());

    /** Polls in this thread: Awaitility's own thread would wait for this class to finish initialising. */
    static long resultOf(String sql) throws InterruptedException {
        RunStart start = RUNS_API.run(DATA_SOURCES_API.dataSources().get(0).id(), sql, Map.of(), null);
        if (start instanceof RunStart.Ready ready) {
            return ready.resultId();
        }
        String job = ((RunStart.Queued) start).job().id();
        for (int i = 0; i < 300; i++) {
            var state = RUNS_API.job(job);
            if (state.status().ended()) {
                return state.queryResultId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the query did not finish in 30 s");
    }

    private void loaded() {
        load(grid, small);
    }

    private static void load(ResultGridViewModel grid, long id) {
        AtomicBoolean shown = new AtomicBoolean();
        grid.load(id, () -> shown.set(true), failure -> { });
        await().atMost(Duration.ofSeconds(10)).untilTrue(shown);
    }

    private PagedRows paged() {
        return (PagedRows) grid.rowsProperty().get();
    }

    @Test
    void showsTheFirstPageWithTheResultFacts() {
        loaded();

        PagedRows rows = paged();
        assertThat(rows.size()).isEqualTo(1234);
        assertThat(grid.rowCountProperty().get()).isEqualTo(1234);
        assertThat(grid.summaryProperty().get()).startsWith("1,234 rows");
        assertThat(grid.sortableProperty().get()).isFalse();
        assertThat(rows.get(0).values()).containsExactly(0L, "row 0");
        assertThat(rows.keptPageCount()).isEqualTo(1);
    }

    @Test
    void fetchesTheRowsOfAPageWhenItIsReached() {
        loaded();
        PagedRows rows = paged();

        ResultRow far = rows.get(1200);
        assertThat(far.loaded()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(far::loaded);

        assertThat(far.value(1)).isEqualTo("row 1200");
        assertThat(rows.get(1233).value(0)).isEqualTo(1233L);
        assertThat(rows.loadedValues(700)).isNull();
    }

    @Test
    void copiesLoadedRowsAsTabSeparatedText() {
        loaded();
        PagedRows rows = paged();

        String text = ResultGridViewModel.asText(grid.columns(), java.util.List.of(rows.get(1), rows.get(2)),
                java.util.List.of(0, 1), true);

        assertThat(text).isEqualTo("n\tlabel\n1\trow 1\n2\trow 2\n");
    }

    @Test
    void exportsAllRowsNotOnlyThoseSeen(@TempDir Path dir) throws Exception {
        loaded();
        Path file = dir.resolve("all.csv");
        AtomicReference<String> done = new AtomicReference<>();

        grid.export(file, done::set);
        await().atMost(Duration.ofSeconds(20)).until(() -> done.get() != null);

        assertThat(done.get()).startsWith("Exported 1,234 rows");
        assertThat(Files.readAllLines(file)).hasSize(1235).endsWith("1233,row 1233");
    }

    @Test
    void holdsASmallResultWholeAndFiltersItByWhatTheCellsShow() {
        load(whole, small);
        await().atMost(Duration.ofSeconds(10)).until(() -> whole.sortableProperty().get());

        assertThat(whole.rowsProperty().get()).hasSize(1234).allMatch(ResultRow::loaded);
        whole.filterProperty().set("ROW 12");

        assertThat(whole.rowsProperty().get()).extracting(row -> row.value(1))
                .startsWith("row 12", "row 120", "row 121").contains("row 1233").hasSize(45); // 12, 12x, 12xx
        assertThat(whole.shownProperty().get()).isEqualTo(45);
        whole.filterProperty().set("");
        assertThat(whole.rowsProperty().get()).hasSize(1234);
    }

    @Test
    void filtersByANumberAsTheOrganizationsFormatShowsIt() {
        load(whole, small);
        await().atMost(Duration.ofSeconds(10)).until(() -> whole.sortableProperty().get());

        whole.filterProperty().set("1,23"); // 1,230 to 1,233 in the default integer format 0,0

        assertThat(whole.rowsProperty().get()).extracting(row -> ((Number) row.value(0)).intValue())
                .containsExactly(1230, 1231, 1232, 1233);
    }

    @Test
    void saysWhenTheResultWasCutAtTheRowLimit() {
        load(whole, large);

        assertThat(whole.truncatedProperty().get()).isTrue();
        assertThat(whole.rowCountProperty().get()).isEqualTo(10_000);
        assertThat(whole.summaryProperty().get()).startsWith("10,000 rows (truncated)");
        assertThat(whole.messageProperty().get()).contains("first 10,000 rows");
    }

    @Test
    void ordersNumbersByValueAndPutsEmptyCellsFirst() {
        java.util.List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(
                10L, null, new java.math.BigDecimal("9.5"), 2L));
        values.sort(ResultGridViewModel::compareValues);

        assertThat(values).containsExactly(null, 2L, new java.math.BigDecimal("9.5"), 10L);
    }
}
