package io.sightline.desktop.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.RunStart;
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

/** The grid's paging against a real stored result of 1,234 rows. */
class ResultGridViewModelTest {

    private static final SightlineClient CLIENT = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private static long result;

    @org.junit.jupiter.api.BeforeAll
    static void storeAResult() throws InterruptedException {
        result = resultOf("SELECT range AS n, 'row ' || range AS label FROM range(1234)");
    }

    private final ResultGridViewModel grid = new ResultGridViewModel(CLIENT, Tasks.serialUi());

    /** Polls in this thread: Awaitility's own thread would wait for this class to finish initialising. */
    static long resultOf(String sql) throws InterruptedException {
        RunStart start = CLIENT.run(CLIENT.dataSources().get(0).id(), sql, Map.of(), null);
        if (start instanceof RunStart.Ready ready) {
            return ready.resultId();
        }
        String job = ((RunStart.Queued) start).job().id();
        for (int i = 0; i < 300; i++) {
            var state = CLIENT.job(job);
            if (state.status().ended()) {
                return state.queryResultId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the query did not finish in 30 s");
    }

    private void loaded() {
        AtomicBoolean shown = new AtomicBoolean();
        grid.load(result, () -> shown.set(true), failure -> { });
        await().atMost(Duration.ofSeconds(10)).untilTrue(shown);
    }

    @Test
    void showsTheFirstPageWithTheResultFacts() {
        loaded();

        PagedRows rows = grid.rowsProperty().get();
        assertThat(rows.size()).isEqualTo(1234);
        assertThat(grid.rowCountProperty().get()).isEqualTo(1234);
        assertThat(grid.summaryProperty().get()).startsWith("1,234 rows");
        assertThat(rows.get(0).values()).containsExactly(0L, "row 0");
        assertThat(rows.keptPageCount()).isEqualTo(1);
    }

    @Test
    void fetchesTheRowsOfAPageWhenItIsReached() {
        loaded();
        PagedRows rows = grid.rowsProperty().get();

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
        PagedRows rows = grid.rowsProperty().get();

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
}
