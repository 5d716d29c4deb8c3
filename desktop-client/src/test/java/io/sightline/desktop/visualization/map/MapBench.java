package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.bench.BenchMeasures.heapMb;
import static io.sightline.desktop.bench.BenchMeasures.onFx;
import static io.sightline.desktop.bench.BenchMeasures.percentile;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Map figures for docs/performance.md: time to first draw (building the map, laying it out, drawing and rendering
 * one frame) and frame times while panning and zooming, for a choropleth of every country and a marker map of
 * 100,000 points, with the heap in use while each is open. A frame while moving is what one mouse event costs:
 * the map placing its last drawing, drawing again after a zoom or when that no longer covers the view, and
 * rendering it ({@code snapshot}, which also reads the pixels back, so it is an upper bound of a screen frame); a
 * still frame draws in full, as the map does once it stands still.
 */
public final class MapBench {

    private static final int W = 1000;
    private static final int H = 600;
    private static int frames = 60;

    private MapBench() {
    }

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args.length > 0 ? args[0] : "server/src/main/resources/io/sightline/server/demo");
        only = args.length > 1 ? args[1] : "";
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // the next map opens after the last window closed
        long start = System.nanoTime();
        MapShapes.countries();
        System.out.printf("outlines: world countries read and projected once: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        ResultData revenue = MapScreenshots.revenueByCountry(demo.resolve("countries.csv"));
        ResultData all = everyCountry();
        ChoroplethOptions choropleth = new ChoroplethOptions(Map.of("keyColumn", "country", "targetField", "iso_a3",
                "valueColumn", "revenue", "clusteringMode", "q", "valueFormat", "$0,0"));
        ResultData points = points(100_000);
        MapOptions clustered = new MapOptions(Map.of("latColName", "lat", "lonColName", "lon", "clusterMarkers", true));
        MapOptions classified = new MapOptions(Map.of("latColName", "lat", "lonColName", "lon", "classify", "kind",
                "clusterMarkers", true));
        MapOptions unclustered = new MapOptions(Map.of("latColName", "lat", "lonColName", "lon", "clusterMarkers", false));

        System.out.printf("heap at start (after GC): %.0f MB%n", heapMb());
        System.out.println("| map | first draw ms (median of 5) | pan frame ms p50 / p95 (CPU p50) "
                + "| zoom frame ms p50 / p95 (CPU p50) | still frame ms p50 (CPU; drawing calls) | heap MB with it open |");
        System.out.println("|---|---|---|---|---|---|");
        run("choropleth, all 241 countries, demo's 27 with values", () -> ChoroplethMap.render(choropleth, revenue));
        run("choropleth, every country with a value", () -> ChoroplethMap.render(choropleth, all));
        run("marker map, 100,000 points, clustered", () -> MarkerMap.render(clustered, points));
        run("marker map, 100,000 points, clustered by 5 classify groups", () -> MarkerMap.render(classified, points));
        frames = 10;
        run("marker map, 100,000 points, not clustered", () -> MarkerMap.render(unclustered, points));
        Platform.exit();
    }

    /** Only the maps whose name contains this (the second argument), or all. */
    private static String only = "";

    private static void run(String name, Supplier<MapView> map) throws Exception {
        if (!name.contains(only)) {
            return;
        }
        double[] first = new double[5];
        MapView view = null;
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
            Object[] shown = onFx(() -> {
                MapView v = map.get();
                Stage s = new Stage();
                s.setScene(new Scene(new StackPane(v), W, H));
                s.show();
                s.getScene().getRoot().applyCss();
                s.getScene().getRoot().layout();
                v.snapshot(null, null);
                return new Object[] {v, s};
            });
            first[i] = (System.nanoTime() - t0) / 1e6;
            view = (MapView) shown[0];
            stage = (Stage) shown[1];
        }
        MapView v = view;
        double heap = heapMb();
        // at the first view: full frames (nothing moving), then panning, then zooming in around the centre
        double[] full = frames(v, frames / 2, v::redraw);
        double[] fullCpu = lastCpu;
        double[] calls = new double[frames / 2];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = onFx(() -> {
                v.redraw();
                return v.lastPaintNanos() / 1e6;
            });
        }
        double[] pan = frames(v, frames, () -> v.panBy(4, 2));
        double[] panCpu = lastCpu;
        double[] zoom = frames(v, frames / 2, () -> v.zoomAt(W / 2.0, H / 2.0, 1.06));
        double[] zoomCpu = lastCpu;
        System.out.printf("| %s | %.0f | %.1f / %.1f (%.1f) | %.1f / %.1f (%.1f) | %.1f (%.1f; calls %.1f) | %.0f |%n",
                name, median(first), percentile(pan, 50), percentile(pan, 95), percentile(panCpu, 50), percentile(zoom, 50), percentile(zoom, 95),
                percentile(zoomCpu, 50), percentile(full, 50), percentile(fullCpu, 50), percentile(calls, 50), heap);
        Stage last = stage;
        onFx(() -> {
            last.close();
            return null;
        });
    }

    /**
     * Wall time of each frame: {@code step} (what the UI does for one mouse event: a pan or zoom moves the last
     * drawing, a still frame draws), the drawing it asked for if any (a pan past the drawn margin), and the render; {@link #lastCpu} gets the process CPU time of each
     * (load-independent).
     */
    private static double[] frames(MapView view, int n, Runnable step) {
        double[] times = new double[n];
        lastCpu = new double[n];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < n; i++) {
            long cpu0 = os.getProcessCpuTime();
            times[i] = onFx(() -> {
                long t0 = System.nanoTime();
                step.run();
                view.drawPending();
                view.snapshot(null, null);
                return (System.nanoTime() - t0) / 1e6;
            });
            lastCpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        return times;
    }

    private static double[] lastCpu;

    private static ResultData everyCountry() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(3);
        for (MapShapes.Region region : MapShapes.countries().regions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("country", region.property("iso_a3"));
            row.put("revenue", random.nextDouble() * 1e6);
            rows.add(row);
        }
        return new ResultData(List.of(new ResultColumn("country", "string"), new ResultColumn("revenue", "float")), rows);
    }

    /** Points around 200 random centres (as stores or customers bunch in cities), in five kinds. */
    static ResultData points(int n) {
        Random random = new Random(5);
        double[][] centres = new double[200][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {-50 + random.nextDouble() * 110, -170 + random.nextDouble() * 340};
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] c = centres[random.nextInt(centres.length)];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("kind", "k" + (i % 5));
            row.put("lat", Math.max(-85, Math.min(85, c[0] + random.nextGaussian() * 2)));
            row.put("lon", Math.max(-180, Math.min(180, c[1] + random.nextGaussian() * 2)));
            rows.add(row);
        }
        return new ResultData(List.of(new ResultColumn("id", "integer"), new ResultColumn("kind", "string"),
                new ResultColumn("lat", "float"), new ResultColumn("lon", "float")), rows);
    }


    private static double median(double[] values) {
        return percentile(values, 50);
    }
}
