package io.sightline.desktop.bench;

import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.editor.QueryTabView;
import io.sightline.desktop.editor.QueryTabViewModel;
import io.sightline.desktop.editor.SqlEditor;
import io.sightline.desktop.results.ResultGridView;
import io.sightline.desktop.results.ResultGridViewModel;
import io.sightline.desktop.results.ResultRow;
import io.sightline.desktop.schema.SchemaViewModel;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.task.BackgroundTasks;
import io.sightline.desktop.workbench.Theme;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The desktop figures of docs/performance.md, measured in the real controls (headless JavaFX, Monocle, software
 * rendering) against the real server jar:
 * <ol>
 *   <li>keystroke to highlight on a 5,000-line script: the FX-thread time a keystroke costs (insert, text sync
 *       to the view model after a pause in typing, parameter scan), the FX-thread time of applying the new
 *       highlighting, and the whole latency from keystroke to highlighted text (the typed character restyled
 *       on screen: highlighting is incremental and does not wait for a pause);
 *   <li>time from a finished 100,000-row job to its first page shown in the grid;
 *   <li>frame gaps while scrolling through all 100,000 rows (pages fetched as they come into view);
 *   <li>heap used with that result open.
 * </ol>
 * Run: see docs/performance.md ("Desktop").
 */
public final class DesktopBench {

    private static final int LINES = 5_000;
    private static final int KEYSTROKES = 300;
    private static final int ROWS = 100_000;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // windows come and go between the measurements
        BackgroundTasks tasks = BackgroundTasks.withUi(Platform::runLater);
        ExecutorService highlighter = Executors.newSingleThreadExecutor();

        int status = 0;
        try {
            keystrokes(tasks, highlighter);
            results(tasks);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        highlighter.shutdownNow();
        tasks.shutdown();
        Platform.exit();
        System.exit(status);
    }

    // ---- 1. keystroke to highlight ----

    private static void keystrokes(BackgroundTasks tasks, ExecutorService highlighter) throws Exception {
        SightlineClient offline = new SightlineClient("http://localhost:9", "none"); // no call is made here
        String script = script();
        double[] keystrokeFx = new double[KEYSTROKES];
        double[] applyFx = new double[KEYSTROKES];
        double[] settleFx = new double[KEYSTROKES];
        double[] endToEnd = new double[KEYSTROKES];
        QueryTabView[] view = new QueryTabView[1];
        onFx(() -> {
            QueryTabViewModel model = new QueryTabViewModel(offline, tasks, Clock.systemDefaultZone());
            model.textProperty().set(script);
            view[0] = new QueryTabView(model, new SchemaViewModel(new DataSourcesClient(offline), tasks), tasks, highlighter, s -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0], 1280, 800));
            stage.show();
        });
        SqlEditor editor = view[0].editor();
        CountDownLatch initial = new CountDownLatch(1);
        onFx(() -> {
            editor.setOnHighlighted(initial::countDown);
            editor.setText(editor.area().getText()); // the whole-text highlighting of a freshly opened script
        });
        initial.await(30, TimeUnit.SECONDS);
        Random random = new Random(42);
        for (int i = 0; i < KEYSTROKES; i++) {
            int line = 100 + random.nextInt(LINES - 200);
            int index = i;
            long[] typedAt = new long[1];
            CountDownLatch highlighted = new CountDownLatch(1);
            onFx(() -> editor.setOnHighlighted(highlighted::countDown));
            onFx(() -> {
                int position = editor.area().getAbsolutePosition(line, 7);
                long start = System.nanoTime();
                typedAt[0] = start;
                editor.area().insertText(position, "x");
                keystrokeFx[index] = (System.nanoTime() - start) / 1e6;
            });
            if (!highlighted.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no highlighting after keystroke " + i);
            }
            endToEnd[i] = (System.nanoTime() - typedAt[0]) / 1e6;
            applyFx[i] = lastApplyMillis(editor);
            Thread.sleep(40); // a pause in typing: the text is handed to the view model
            settleFx[i] = editor.lastSettleNanos() / 1e6;
        }
        report("keystroke: FX-thread time of the insert", keystrokeFx);
        report("pause in typing: FX-thread time (copy text, view-model sync, parameter scan)", settleFx);
        report("highlight: FX-thread time to apply the changed styles", applyFx);
        report("keystroke to highlighted text (the typed character restyled)", endToEnd);
        onFx(() -> view[0].getScene().getWindow().hide());
    }

    private static double lastApplyMillis(SqlEditor editor) {
        return editor.lastApplyNanos() / 1e6;
    }

    /** 5,000 lines of varied SQL: CTEs, joins, strings, comments, parameters. */
    public static String script() {
        StringBuilder sql = new StringBuilder();
        int line = 0;
        int block = 0;
        while (line < LINES) {
            String[] lines = {
                    "-- block " + block + ": revenue by customer segment",
                    "WITH recent_" + block + " AS (",
                    "    SELECT f.customer_id, f.amount, f.transaction_ts",
                    "    FROM sales.fact_transactions f",
                    "    WHERE f.transaction_ts >= '{{ period.start }}' AND f.region = 'EMEA'",
                    ")",
                    "SELECT c.segment, COUNT(*) AS n, SUM(r.amount) AS revenue, /* inline */ MAX(r.amount)",
                    "FROM recent_" + block + " r JOIN sales.dim_customer c ON c.customer_id = r.customer_id",
                    "GROUP BY c.segment HAVING SUM(r.amount) > " + (block * 10) + " ORDER BY revenue DESC;",
                    ""};
            for (String text : lines) {
                if (line++ < LINES) {
                    sql.append(text).append('\n');
                }
            }
            block++;
        }
        return sql.toString();
    }

    // ---- 2-4. a 100,000-row result ----

    private static void results(BackgroundTasks tasks) throws Exception {
        SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        RunsClient runsApi = new RunsClient(client);
        long source = dataSourcesApi.dataSources().get(0).id();
        var detail = dataSourcesApi.dataSource(source);
        Map<String, Object> options = new HashMap<>(detail.options());
        options.put("row_limit", 200_000);
        dataSourcesApi.updateDataSource(source, detail.name(), detail.type(), options);
        String sql = "SELECT range AS id, 'customer ' || (range % 5000) AS customer, range * 1.25 AS amount,"
                + " DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS day FROM range(" + ROWS + ")";
        double[] firstPage = new double[5];
        ResultGridViewModel[] keep = new ResultGridViewModel[1];
        TableView<?>[] table = new TableView<?>[1];
        for (int round = 0; round < firstPage.length; round++) {
            long resultId = finishedResult(client, source, sql + " -- " + round);
            ResultGridViewModel grid = new ResultGridViewModel(runsApi, tasks);
            CompletableFuture<Double> shown = new CompletableFuture<>();
            long start = System.nanoTime();
            onFx(() -> {
                ResultGridView view = new ResultGridView(grid, s -> { });
                Stage stage = new Stage();
                Scene scene = new Scene(view, 1280, 800);
                Theme.apply(scene, "light"); // the workbench's own style sheets, as the user sees the grid
                stage.setScene(scene);
                stage.show();
                table[0] = view.table();
                grid.load(resultId, () -> {
                    view.table().layout(); // the first rows laid out in the table
                    shown.complete((System.nanoTime() - start) / 1e6);
                }, failure -> shown.completeExceptionally(new IllegalStateException(failure)));
            });
            firstPage[round] = shown.get(30, TimeUnit.SECONDS);
            keep[0] = grid;
            if (round < firstPage.length - 1) {
                onFx(() -> table[0].getScene().getWindow().hide());
            }
        }
        report("finished job to first page in the grid (100,000 rows; 5 runs)", firstPage);
        scroll(table[0], keep[0]);
    }

    private static long finishedResult(SightlineClient client, long source, String sql) throws InterruptedException {
        RunStart start = new RunsClient(client).run(source, sql, Map.of(), null);
        if (start instanceof RunStart.Ready ready) {
            return ready.resultId();
        }
        String job = ((RunStart.Queued) start).job().id();
        while (true) {
            var state = new RunsClient(client).job(job);
            if (state.status().ended()) {
                if (state.queryResultId() == null) {
                    throw new IllegalStateException("the job ended without a result: " + state.error());
                }
                return state.queryResultId();
            }
            Thread.sleep(20);
        }
    }

    /**
     * Scrolls a screenful per frame from the first row to the last, recording the gaps between frames: first
     * cold (the first scroll of this JVM: scrolling code not yet compiled by the JIT), then a second time, warm.
     */
    private static void scroll(TableView<?> table, ResultGridViewModel grid) throws Exception {
        report("frame gap with the table standing still (120 frames)",
                frames(table, 0, new ArrayList<>()).stream().mapToDouble(Double::doubleValue).toArray());
        for (String pass : List.of("cold", "warm")) {
            onFx(() -> table.scrollTo(0));
            Thread.sleep(1_000);
            List<Double> work = new ArrayList<>();
            List<Double> gaps = frames(table, 30, work);
            report(pass + " scroll, FX-thread time per step: scrollTo + layout of the new rows' cells",
                    work.stream().mapToDouble(Double::doubleValue).toArray());
            Thread.sleep(2_000);
            boolean lastLoaded = onFxGet(() -> ((ResultRow) table.getItems().get(ROWS - 1)).loaded());
            report(pass + " scroll, frame gap while scrolling all 100,000 rows, 30 rows a frame (" + gaps.size()
                    + " frames, last row loaded: " + lastLoaded + ")",
                    gaps.stream().mapToDouble(Double::doubleValue).toArray());
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "heap used with the 100,000-row result open (after GC): %.0f MB%n",
                used / 1024.0 / 1024.0);
        if (grid.rowCountProperty().get() != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " rows, got " + grid.rowCountProperty().get());
        }
    }

    /** Frame gaps while scrolling {@code step} rows a frame to the end (or 120 frames standing still). */
    private static List<Double> frames(TableView<?> table, int step, List<Double> work) throws Exception {
        List<Double> gaps = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        FrameCauses causes = new FrameCauses();
        onFx(() -> new AnimationTimer() {
            private long last;
            private int row;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    gaps.add((now - last) / 1e6);
                    causes.frame((now - last) / 1e6, work.isEmpty() ? 0 : work.get(work.size() - 1));
                } else {
                    causes.frame(0, 0);
                }
                last = now;
                if (step == 0) {
                    if (gaps.size() >= 120) {
                        stop();
                        done.countDown();
                    }
                    return;
                }
                row = Math.min(ROWS - 1, row + step);
                long start = System.nanoTime();
                table.scrollTo(row);
                table.layout();
                work.add((System.nanoTime() - start) / 1e6);
                if (row >= ROWS - 1) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await(10, TimeUnit.MINUTES);
        if (step > 0) {
            causes.print();
        }
        return gaps;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-95s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n=%d)%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void onFx(Runnable action) throws InterruptedException {
        onFxGet(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> action) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().contains("JavaFX")) {
                    System.err.println(thread + "\n  " + String.join("\n  ",
                            Arrays.stream(stack).map(Object::toString).toList()));
                }
            });
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
