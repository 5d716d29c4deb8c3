package io.sightline.desktop.workbench;

import io.sightline.desktop.visualization.render.SceneTheme;
import javafx.scene.Scene;

/** The light and dark style sheets, over one shared base. */
public final class Theme {

    private Theme() {
    }

    public static void apply(Scene scene, String theme) {
        String chosen = "dark".equals(theme) ? SceneTheme.DARK_SHEET : "light.css";
        scene.getStylesheets().setAll(
                Theme.class.getResource("base.css").toExternalForm(),
                Theme.class.getResource(chosen).toExternalForm());
    }
}
