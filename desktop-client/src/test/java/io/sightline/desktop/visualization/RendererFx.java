package io.sightline.desktop.visualization;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.workbench.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shows what a renderer drew alone in the (headless) primary stage, themed as the workbench, at a known size. */
public final class RendererFx {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 480;

    private RendererFx() {
    }

    public static Parent show(VisualizationRenderer renderer, Map<String, Object> options, ResultData result)
            throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        Parent root = fx(() -> {
            StackPane pane = new StackPane(renderer.render(options, result));
            Scene scene = new Scene(pane, WIDTH, HEIGHT);
            Theme.apply(scene, "light");
            stage.setScene(scene);
            stage.show();
            pane.applyCss();
            pane.layout();
            return pane;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root;
    }

    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the tooltip on the screen now, or null when none shows. */
    public static String showingTooltip() {
        return fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(null));
    }

    /** The text of the tooltip on the screen once one shows (a tooltip's default delay is a second), or null. */
    public static String shownTooltip() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            String text = showingTooltip();
            if (text != null) {
                return text;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** The nodes with a style class, in scene-graph order. */
    public static List<Node> all(Parent root, String styleClass) {
        return fx(() -> new ArrayList<>(root.lookupAll("." + styleClass)));
    }

    public static ResultData result(List<ResultColumn> columns, Object[]... rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object[] values : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).name(), values[i]);
            }
            list.add(row);
        }
        return new ResultData(columns, list);
    }
}
