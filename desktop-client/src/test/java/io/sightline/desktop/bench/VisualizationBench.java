package io.sightline.desktop.bench;

import static io.sightline.desktop.bench.BenchMeasures.heapMb;
import static io.sightline.desktop.bench.BenchMeasures.onFx;
import static io.sightline.desktop.bench.BenchMeasures.percentile;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.ResultRow;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Figures for docs/performance.md of the visualizations added lately, drawn by the workbench's own renderers
 * ({@link VisualizationRenderers#standard()}) in a 1000 × 600 window: <em>first draw</em> = rendering the options
 * and result into nodes (the shaping in {@code common} included), CSS, layout and one rendered frame (median of 5);
 * <em>frame</em> = the drawing 4 px narrower or back, laid out again and rendered (as while resizing it; the render
 * is a {@code snapshot}, which also reads the pixels back, so an upper bound of a screen frame), 30 of them; and
 * the heap in use after GC while it is open, with (in brackets) how much more that is than with the result alone.
 * Cases: a heatmap of 100 × 100 cells, a box plot of 100,000 values, the deprecated BOXPLOT of 100,000 values, a
 * cohort of 52 weekly cohorts, a two-axis combo chart, a swapped area chart, a line of 1,000,000 points and a
 * scatter of 100,000, and a line of 2,000 (the point budget: javafx.scene.chart). The last three are also zoomed and
 * panned ({@link ChartMoves}).
 * Run: {@code java -cp <test classpath> io.sightline.desktop.bench.VisualizationBench [part of a name ...]}
 */
public final class VisualizationBench {

    private static final int W = 1000;
    private static final int H = 600;
    private static final int FRAMES = 30;
    private static final Map<List<String>, ResultRow.Shape> SHAPES = new HashMap<>();

    private VisualizationBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        List<String> only = List.of(args);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // the next case opens after the last window closed
        System.out.printf("heap at start (after GC): %.0f MB%n", heapMb());
        System.out.println("| visualization | rows | first draw ms (median of 5) | frame ms p50 / p95 (CPU p50) "
                + "| heap MB with it open (of which the chart) |");
        System.out.println("|---|---|---|---|---|");
        List<Case> cases = List.of(
                new Case("heatmap, 100 × 100 cells", "CHART", Map.of("globalSeriesType", "heatmap",
                        "columnMapping", Map.of("x", "x", "y", "y", "z", "zVal")), () -> heatmap(100)),
                new Case("box plot, 100,000 values in 10 boxes", "CHART", Map.of("globalSeriesType", "box",
                        "columnMapping", Map.of("store", "x", "basket", "y")), () -> boxValues(100_000, 10)),
                new Case("deprecated BOXPLOT, 4 columns of 25,000 values", "BOXPLOT", Map.of("xAxisLabel", "Shift",
                        "yAxisLabel", "Minutes"), () -> columns(4, 25_000)),
                new Case("cohort, 52 weekly cohorts", "COHORT", Map.of("timeInterval", "weekly"), () -> cohort(52)),
                new Case("combo chart, bars + a line on the right axis, 200 categories", "CHART",
                        Map.of("globalSeriesType", "column", "columnMapping", Map.of("x", "x", "revenue", "y",
                                "margin", "y"), "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1))),
                        () -> combo(200)),
                new Case("columns, 200 categories", "CHART", Map.of("globalSeriesType", "column",
                        "columnMapping", Map.of("x", "x", "revenue", "y")), () -> combo(200)),
                new Case("area with swapped axes, 200 categories", "CHART", Map.of("globalSeriesType", "area",
                        "swappedAxes", true, "columnMapping", Map.of("x", "x", "revenue", "y")), () -> combo(200)),
                new Case("line, 1,000,000 points by minute (downsampled)", "CHART", Map.of("globalSeriesType", "line",
                        "columnMapping", Map.of("minute", "x", "load", "y")), () -> minutes(1_000_000)),
                new Case("scatter, 100,000 points", "CHART", Map.of("globalSeriesType", "scatter",
                        "columnMapping", Map.of("width", "x", "weight", "y")), () -> scatter(100_000)),
                new Case("line, 2,000 points by minute (javafx.scene.chart)", "CHART", Map.of("globalSeriesType",
                        "line", "columnMapping", Map.of("minute", "x", "load", "y")), () -> minutes(2_000)));
        for (Case c : cases) {
            if (only.isEmpty() || only.stream().anyMatch(c.name()::contains)) {
                run(c);
            }
        }
        Platform.exit();
    }

    /** A case's rows are made only when it runs, so that one case's heap figure holds no other case's rows. */
    record Case(String name, String type, Map<String, Object> options, java.util.function.Supplier<ResultData> rows) {
    }

    private static void run(Case c) {
        ResultData result = c.rows().get();
        double withoutChart = heapMb(); // the result rows alone, as the result grid holds them
        VisualizationRenderers renderers = VisualizationRenderers.standard();
        double[] first = new double[5];
        Stage stage = null;
        for (int i = 0; i < first.length; i++) {
            if (stage != null) {
                Stage old = stage;
                onFx(() -> {
                    old.close();
                    return null;
                });
            }
            long t0 = System.nanoTime();
            stage = onFx(() -> {
                Node drawing = renderers.render(c.type(), c.options(), result);
                Stage s = new Stage();
                s.setScene(new Scene(new StackPane(drawing), W, H));
                s.show();
                s.getScene().getRoot().applyCss();
                s.getScene().getRoot().layout();
                s.getScene().snapshot(null);
                return s;
            });
            first[i] = (System.nanoTime() - t0) / 1e6;
        }
        Stage open = stage;
        double heap = heapMb();
        double[] frames = new double[FRAMES];
        double[] cpu = new double[FRAMES];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int i = 0; i < FRAMES; i++) {
            int step = i;
            long cpu0 = os.getProcessCpuTime();
            frames[i] = onFx(() -> {
                long t0 = System.nanoTime();
                // the drawing 4 px narrower or back (the window keeps its size: Monocle's headless screen does not
                // take a window resized)
                ((javafx.scene.layout.Region) ((StackPane) open.getScene().getRoot()).getChildren().get(0))
                        .setMaxWidth(step % 2 == 0 ? W - 4 : Double.MAX_VALUE);
                open.getScene().getRoot().applyCss();
                open.getScene().getRoot().layout();
                open.getScene().snapshot(null);
                return (System.nanoTime() - t0) / 1e6;
            });
            cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        System.out.printf("| %s | %,d | %.0f | %.1f / %.1f (%.0f) | %.0f (%.0f) |%n", c.name(),
                result.rows().size(), percentile(first, 50), percentile(frames, 50), percentile(frames, 95), percentile(cpu, 50), heap,
                heap - withoutChart);
        ChartMoves.measure(c.name(), open);
        onFx(() -> {
            open.close();
            return null;
        });
    }

    private static ResultData heatmap(int side) {
        Random random = new Random(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                rows.add(row("x", x, "y", String.format("r%03d", y), "z", random.nextDouble() * 1000));
            }
        }
        return new ResultData(List.of(new ResultColumn("x", "integer"), new ResultColumn("y", "string"),
                new ResultColumn("z", "float")), rows);
    }

    private static ResultData boxValues(int n, int boxes) {
        Random random = new Random(11);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int store = i % boxes;
            rows.add(row("store", "store " + store, "basket", Math.exp(3 + store * 0.1 + random.nextGaussian())));
        }
        return new ResultData(List.of(new ResultColumn("store", "string"), new ResultColumn("basket", "float")), rows);
    }

    private static ResultData columns(int count, int n) {
        Random random = new Random(13);
        List<ResultColumn> columns = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            columns.add(new ResultColumn("shift_" + c, "float"));
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        ResultRow.Shape shape = ResultRow.Shape.of(columns.stream().map(ResultColumn::name).toList());
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[count];
            for (int c = 0; c < count; c++) {
                values[c] = 30 + c * 5 + random.nextGaussian() * 8;
            }
            rows.add(shape.row(values));
        }
        return new ResultData(columns, rows);
    }

    /** Cohort {@code c} (week c) has stages 1..weeks - c, each keeping fewer of its people. */
    private static ResultData cohort(int weeks) {
        Random random = new Random(17);
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate monday = LocalDate.of(2025, 1, 6);
        for (int c = 0; c < weeks; c++) {
            int size = 800 + random.nextInt(800);
            for (int stage = 1; stage <= weeks - c; stage++) {
                int active = (int) Math.round(size * 0.6 * Math.pow(0.93, stage - 1));
                rows.add(row("date", monday.plusWeeks(c).toString(), "day_number", stage, "total", size,
                        "value", active));
            }
        }
        return new ResultData(List.of(new ResultColumn("date", "date"), new ResultColumn("day_number", "integer"),
                new ResultColumn("total", "integer"), new ResultColumn("value", "integer")), rows);
    }

    private static ResultData combo(int n) {
        Random random = new Random(19);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        double walk = 1000;
        for (int i = 0; i < n; i++) {
            walk = Math.max(10, walk + random.nextGaussian() * 50);
            rows.add(row("x", String.format("c%05d", i), "revenue", walk, "margin", random.nextDouble() * 0.4));
        }
        return new ResultData(List.of(new ResultColumn("x", "string"), new ResultColumn("revenue", "float"),
                new ResultColumn("margin", "float")), rows);
    }

    /** A random walk sampled every minute from 2024-01-01, as a datetime column. */
    private static ResultData minutes(int n) {
        Random random = new Random(23);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        double walk = 500;
        for (int i = 0; i < n; i++) {
            walk = Math.max(0, walk + random.nextGaussian() * 5);
            rows.add(row("minute", start.plusMinutes(i).toString(), "load", walk));
        }
        return new ResultData(List.of(new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows);
    }

    private static ResultData scatter(int n) {
        Random random = new Random(29);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double width = 10 + random.nextGaussian() * 3;
            rows.add(row("width", width, "weight", width * width * 0.8 + random.nextGaussian() * 15));
        }
        return new ResultData(List.of(new ResultColumn("width", "float"), new ResultColumn("weight", "float")), rows);
    }

    /** A row as the workbench holds one (VisualizationsClient): its values under a shape the result's rows share. */
    private static Map<String, Object> row(Object... pairs) {
        List<String> names = new ArrayList<>(pairs.length / 2);
        Object[] values = new Object[pairs.length / 2];
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            names.add((String) pairs[i]);
            values[i / 2] = pairs[i + 1];
        }
        return SHAPES.computeIfAbsent(names, ResultRow.Shape::of).row(values);
    }
}
