package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.visualization.map.MapFx.at;
import static io.sightline.desktop.visualization.map.MapFx.fx;
import static io.sightline.desktop.visualization.map.MapFx.hex;
import static io.sightline.desktop.visualization.map.MapFx.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.VisualizationRenderers;
import io.sightline.desktop.workbench.Theme;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Maps drawn through the workbench's renderers wear the theme of the window they are in, and follow it. */
class MapThemeTest {

    private static final ResultData REVENUE = MapFx.result(List.of(new ResultColumn("country", "string"),
            new ResultColumn("revenue", "float")), new Object[] {"BRA", 100.0}, new Object[] {"CAN", 900.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aChoroplethInTheDarkWorkbenchIsDrawnDarkAndTurnsLightWithIt() throws Exception {
        Scene scene = shown("CHOROPLETH", Map.of("keyColumn", "country", "targetField", "iso_a3",
                "valueColumn", "revenue"), "dark");

        MapView dark = view(scene);
        assertThat(dark.theme()).isEqualTo(MapTheme.DARK);
        assertThat(hex(pixel(dark, at(dark, -30, 30)))).as("the Atlantic, in the dark theme's sea")
                .isEqualTo(hex(MapTheme.DARK.background));
        assertThat(hex(pixel(dark, at(dark, -100, 58)))).as("Canada keeps its class's colour")
                .isEqualTo("#002fb4");

        fx(() -> {
            Theme.apply(scene, "light");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        MapView light = view(scene);
        assertThat(light.theme()).isEqualTo(MapTheme.LIGHT);
        assertThat(hex(pixel(light, at(light, -30, 30)))).isEqualTo(hex(MapTheme.LIGHT.background));
    }

    @Test
    void aMarkerMapInTheDarkWorkbenchHasDarkLand() throws Exception {
        Scene scene = shown("MAP", Map.of(), "dark");

        MapView view = view(scene);
        assertThat(view.theme()).isEqualTo(MapTheme.DARK);
        assertThat(hex(pixel(view, at(view, 20, 0)))).as("central Africa, between the two stores: the dark land")
                .isEqualTo(hex(MapTheme.DARK.land));
    }

    /** The workbench adds a map to a window already dark: it is built for the dark theme alone. */
    @Test
    void aMarkerMapAddedToTheDarkWorkbenchIsBuiltAndDrawnOnce() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        java.util.List<Boolean> builds = new java.util.ArrayList<>();
        java.util.List<MapView> views = new java.util.ArrayList<>();
        StackPane root = fx(() -> {
            StackPane pane = new StackPane();
            Scene scene = new Scene(pane, MapFx.WIDTH, MapFx.HEIGHT);
            Theme.apply(scene, "dark");
            stage.setScene(scene);
            stage.show();
            return pane;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            root.getChildren().add(io.sightline.desktop.visualization.render.SceneTheme.following(dark -> {
                builds.add(dark);
                MapView view = MarkerMap.render(new io.sightline.common.visualization.MapOptions(Map.of()),
                        MapFx.result(List.of(new ResultColumn("lat", "float"), new ResultColumn("lon", "float")),
                                new Object[] {38.7, -9.1}, new Object[] {-33.9, 18.4}),
                        dark ? MapTheme.DARK : MapTheme.LIGHT);
                views.add(view);
                return view;
            }));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // past the map's settling pause, should a frame be pending
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(builds).as("built once, dark: not light first and again once in the dark window")
                .containsExactly(true);
        assertThat(fx(() -> views.get(0).frames())).as("drawn once").isEqualTo(1);
    }

    /** A visualization drawn by the workbench's renderers in a window of this theme. */
    private static Scene shown(String type, Map<String, Object> options, String theme) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        return fx(() -> {
            Node drawn = VisualizationRenderers.standard().render(type, options, type.equals("MAP")
                    ? MapFx.result(List.of(new ResultColumn("lat", "float"), new ResultColumn("lon", "float")),
                            new Object[] {38.7, -9.1}, new Object[] {-33.9, 18.4}) : REVENUE);
            Scene scene = new Scene(new StackPane(drawn), MapFx.WIDTH, MapFx.HEIGHT);
            Theme.apply(scene, theme);
            stage.setScene(scene);
            stage.show();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene;
        });
    }

    private static MapView view(Scene scene) {
        return fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return (MapView) scene.getRoot().lookup(".sightline-map");
        });
    }
}
