package io.sightline.desktop.bench;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart.Data;
import javafx.scene.chart.XYChart.Series;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The measurement behind docs/decisions/0028-desktop-charts.md: time to first draw (build the chart, lay it out
 * and render one frame into an image) of a line and a scatter of 100,000 points, in {@code javafx.scene.chart}
 * and in ChartFX, and a JavaFX line of the same data downsampled to 2,000 points (LTTB, as the chart renderer
 * does, the downsampling timed with it), headless (Monocle, software rendering, as the TestFX tests run). Each case runs three times in
 * a fresh scene; the figures are the best and the last run (a
 * run over 10 s is not repeated).
 * Run: {@code java -cp <test classpath> io.sightline.desktop.bench.ChartLibraryBench [points]}
 */
public final class ChartLibraryBench {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each run closes its window: that must not end JavaFX
        double[] x = new double[points];
        double[] y = new double[points];
        Random random = new Random(11);
        double walk = 0;
        for (int i = 0; i < points; i++) {
            x[i] = i;
            walk += random.nextGaussian();
            y[i] = walk;
        }
        measure("chartfx line", () -> chartFx(x, y, false));
        measure("chartfx scatter", () -> chartFx(x, y, true));
        measure("javafx.scene.chart LineChart, LTTB", () -> {
            Double[] boxed = new Double[y.length];
            for (int i = 0; i < y.length; i++) {
                boxed[i] = y[i];
            }
            int[] kept = io.sightline.common.visualization.Lttb.select(x, boxed, 2_000);
            double[] kx = new double[kept.length];
            double[] ky = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                kx[i] = x[kept[i]];
                ky[i] = y[kept[i]];
            }
            return fxLine(kx, ky, false);
        });
        measure("javafx.scene.chart LineChart", () -> fxLine(x, y, false));
        measure("javafx.scene.chart ScatterChart", () -> fxLine(x, y, true));
        Platform.exit();
    }

    private static void measure(String name, Supplier<Parent> chart) throws Exception {
        long best = Long.MAX_VALUE;
        long last = 0;
        for (int run = 0; run < 3; run++) {
            CompletableFuture<Long> took = new CompletableFuture<>();
            Platform.runLater(() -> {
              try {
                long start = System.nanoTime();
                Stage stage = new Stage();
                StackPane root = new StackPane(chart.get());
                Scene scene = new Scene(root, 1000, 600);
                stage.setScene(scene);
                // drawn = the first pulse after showing has laid the chart out (ChartFX paints its canvas in
                // that pass), and a snapshot of it has been rendered
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    scene.snapshot(null);
                    long elapsed = System.nanoTime() - start;
                    stage.close();
                    took.complete(elapsed);
                };
                scene.addPostLayoutPulseListener(once[0]);
                stage.show();
                Platform.requestNextPulse();
              } catch (RuntimeException | Error e) {
                took.completeExceptionally(e);
              }
            });
            try {
                last = took.get(Long.getLong("bench.limit", 120), java.util.concurrent.TimeUnit.SECONDS) / 1_000_000;
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.printf("%-34s first draw: over %d s, stopped%n", name, Long.getLong("bench.limit", 120));
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    if (thread.getName().contains("JavaFX Application")) {
                        System.out.println(thread.getName() + java.util.Arrays.toString(stack));
                    }
                });
                System.exit(1);
            }
            best = Math.min(best, last);
            if (last > 10_000) {
                break; // one run that slow says enough
            }
        }
        System.out.printf("%-34s first draw: best %,6d ms, last %,6d ms%n", name, best, last);
    }

    private static Parent fxLine(double[] x, double[] y, boolean scatter) {
        Series<Number, Number> series = new Series<>();
        for (int i = 0; i < x.length; i++) {
            series.getData().add(new Data<>(x[i], y[i]));
        }
        NumberAxis xAxis = new NumberAxis();
        NumberAxis yAxis = new NumberAxis();
        javafx.scene.chart.XYChart<Number, Number> chart = scatter ? new ScatterChart<>(xAxis, yAxis)
                : new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        if (chart instanceof LineChart<Number, Number> line) {
            line.setCreateSymbols(false);
        }
        chart.getData().add(series);
        return chart;
    }

    private static Parent chartFx(double[] x, double[] y, boolean scatter) {
        XYChart chart = new XYChart(new DefaultNumericAxis(), new DefaultNumericAxis());
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(scatter ? LineStyle.NONE : LineStyle.NORMAL);
        renderer.setDrawMarker(scatter);
        chart.getRenderers().setAll(renderer);
        DoubleDataSet data = new DoubleDataSet("walk");
        data.set(x, y);
        renderer.getDatasets().add(data);
        return chart;
    }
}
