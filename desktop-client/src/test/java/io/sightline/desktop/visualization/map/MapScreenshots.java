package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Writes the README's map screenshots: the demo's "Revenue by country" choropleth and "Store locations" marker map
 * (from the demo's reference data), light and dark, and US states. Run under Xvfb (see docs/performance.md):
 * {@code java -cp ... io.sightline.desktop.visualization.map.MapScreenshots docs/images}
 */
public final class MapScreenshots {

    private MapScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Path demo = Path.of(args.length > 1 ? args[1] : "server/src/main/resources/io/sightline/server/demo");
        Files.createDirectories(out);
        ResultData revenue = revenueByCountry(demo.resolve("countries.csv"));
        ResultData stores = stores(demo.resolve("stores.csv"));
        ChoroplethOptions choropleth = new ChoroplethOptions(Map.of("mapType", "countries", "keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue", "clusteringMode", "q", "steps", 5,
                "valueFormat", "$0,0"));
        MapOptions markers = new MapOptions(Map.of("latColName", "latitude", "lonColName", "longitude",
                "clusterMarkers", true, "tooltip", Map.of("enabled", true, "template", "<b>{{ name }}</b>, {{ country }}")));
        MapOptions classified = new MapOptions(Map.of("latColName", "latitude", "lonColName", "longitude",
                "classify", "country", "clusterMarkers", false));
        ResultData states = states();
        ChoroplethOptions usa = new ChoroplethOptions(Map.of("mapType", "usa", "keyColumn", "state",
                "targetField", "usps_abbrev", "valueColumn", "stores", "steps", 4, "valueFormat", "0"));
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // the next map opens after the last window closed
        shoot(out.resolve("map-choropleth-light.png"), () -> ChoroplethMap.render(choropleth, revenue, MapTheme.LIGHT));
        shoot(out.resolve("map-choropleth-dark.png"), () -> ChoroplethMap.render(choropleth, revenue, MapTheme.DARK));
        shoot(out.resolve("map-markers-light.png"), () -> MarkerMap.render(markers, stores, MapTheme.LIGHT));
        shoot(out.resolve("map-markers-dark.png"), () -> MarkerMap.render(markers, stores, MapTheme.DARK));
        shoot(out.resolve("map-markers-classify-light.png"), () -> MarkerMap.render(classified, stores, MapTheme.LIGHT));
        shoot(out.resolve("map-usa-states-light.png"), () -> ChoroplethMap.render(usa, states, MapTheme.LIGHT));
        Platform.exit();
    }

    /** Shows the map in a window for a moment (long enough for a screen grab), then writes its snapshot. */
    private static void shoot(Path file, Supplier<MapView> map) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setTitle(file.getFileName().toString());
            stage.setScene(new Scene(new StackPane(map.get()), 1000, 560));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            shown.complete(stage);
        });
        Stage stage = shown.get();
        Thread.sleep(Long.getLong("screenshot.pause", 1500));
        CompletableFuture<Void> written = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MapView view = (MapView) ((StackPane) stage.getScene().getRoot()).getChildren().get(0);
                view.redraw();
                MapSnapshot.writePng(MapSnapshot.snapshot(view, 1), file);
                stage.close();
                written.complete(null);
            } catch (Exception e) {
                written.completeExceptionally(e);
            }
        });
        written.get();
        System.out.println("wrote " + file);
    }

    /** Revenue per demo country: its sales weight in millions, with some noise, as the demo query would give. */
    static ResultData revenueByCountry(Path countries) throws Exception {
        Random random = new Random(11);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(countries).subList(1, Files.readAllLines(countries).size())) {
            String[] f = line.split(",");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("country", f[0]);
            row.put("revenue", Math.round(Double.parseDouble(f[2]) * 1_000_000 * (0.8 + 0.4 * random.nextDouble())) * 1.0);
            rows.add(row);
        }
        return new ResultData(List.of(new ResultColumn("country", "string"), new ResultColumn("revenue", "float")), rows);
    }

    static ResultData stores(Path stores) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(stores);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("store_id", i);
            row.put("name", f[0] + " Store");
            row.put("country", f[1]);
            row.put("latitude", Double.parseDouble(f[2]));
            row.put("longitude", Double.parseDouble(f[3]));
            rows.add(row);
        }
        return new ResultData(List.of(new ResultColumn("store_id", "integer"), new ResultColumn("name", "string"),
                new ResultColumn("country", "string"), new ResultColumn("latitude", "float"),
                new ResultColumn("longitude", "float")), rows);
    }

    private static ResultData states() {
        String[][] data = {{"CA", "5"}, {"TX", "4"}, {"NY", "1"}, {"FL", "3"}, {"IL", "1"}, {"PA", "2"}, {"OH", "2"},
            {"WA", "1"}, {"AZ", "1"}, {"MA", "1"}, {"CO", "1"}, {"GA", "1"}, {"NC", "2"}, {"MI", "1"}, {"TN", "1"},
            {"OR", "1"}, {"NV", "1"}, {"MN", "1"}, {"LA", "1"}, {"UT", "1"}, {"MO", "2"}, {"MD", "1"}, {"HI", "1"},
            {"AK", "1"}, {"DC", "1"}};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] d : data) {
            rows.add(Map.of("state", d[0], "stores", Integer.parseInt(d[1])));
        }
        return new ResultData(List.of(new ResultColumn("state", "string"), new ResultColumn("stores", "integer")), rows);
    }
}
