package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shows a map alone in the (headless) primary stage at a known size, and reads what it drew. */
final class MapFx {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;

    private MapFx() {
    }

    static MapView show(Supplier<MapView> map) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        return fx(() -> {
            MapView view = map.get();
            StackPane root = new StackPane(view);
            stage.setScene(new Scene(root, WIDTH, HEIGHT));
            stage.show();
            root.applyCss();
            root.layout();
            return view;
        });
    }

    static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draws pending frames, then the colour at a screen point of the map. */
    static Color pixel(MapView view, Point2D at) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            view.redraw();
            WritableImage image = view.snapshot(null, null);
            return image.getPixelReader().getColor((int) Math.round(at.getX()), (int) Math.round(at.getY()));
        });
    }

    /** The screen point of a longitude/latitude on a world map as it is now. */
    static Point2D at(MapView view, double lon, double lat) {
        return fx(() -> view.toScreen(Mercator.x(lon), Mercator.y(lat)));
    }

    static ResultData result(List<ResultColumn> columns, Object[]... rows) {
        return io.sightline.desktop.visualization.RendererFx.result(columns, rows);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
