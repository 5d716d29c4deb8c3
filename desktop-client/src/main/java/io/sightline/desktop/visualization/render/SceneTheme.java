package io.sightline.desktop.visualization.render;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Drawings that paint their own colours (the maps' canvases, legends and panels) rather than take them from the
 * style sheet follow the theme of the scene they are shown in: the workbench's dark theme is the scene's
 * {@value #DARK_SHEET} style sheet.
 */
public final class SceneTheme {

    /** The name of the dark theme's style sheet. */
    public static final String DARK_SHEET = "dark.css";

    private SceneTheme() {
    }

    /** Whether a scene wears the dark theme. */
    public static boolean isDark(Scene scene) {
        return scene != null && scene.getStylesheets().stream()
                .anyMatch(sheet -> sheet.equals(DARK_SHEET) || sheet.endsWith("/" + DARK_SHEET));
    }

    /**
     * A drawing made for its scene's theme: {@code draw} is given whether the theme is dark. It is drawn once it is
     * in a scene (or laid out or measured without one: then light), and drawn again when its scene's theme changes.
     * Drawing it light first and again dark once shown would build a map twice for the dark workbench.
     */
    public static Node following(Function<Boolean, Node> draw) {
        return new Following(draw);
    }

    private static final class Following extends StackPane {

        private final Function<Boolean, Node> draw;
        private final ListChangeListener<String> restyled = change -> drawFor(getScene());
        private boolean drawn;
        private boolean dark;

        Following(Function<Boolean, Node> draw) {
            this.draw = draw;
            getStyleClass().add("scene-themed");
            sceneProperty().addListener((obs, old, now) -> {
                if (old != null) {
                    old.getStylesheets().removeListener(restyled);
                }
                if (now != null) {
                    now.getStylesheets().addListener(restyled);
                    drawFor(now);
                }
            });
        }

        /** Draws for the scene's theme, unless drawn for it already. */
        private void drawFor(Scene scene) {
            boolean darkNow = isDark(scene);
            if (!drawn || darkNow != dark) {
                drawn = true;
                dark = darkNow;
                getChildren().setAll(draw.apply(dark));
            }
        }

        private void drawIfNot() {
            if (!drawn) {
                drawFor(getScene());
            }
        }

        @Override
        protected void layoutChildren() {
            drawIfNot();
            super.layoutChildren();
        }

        @Override
        protected double computePrefWidth(double height) {
            drawIfNot();
            return super.computePrefWidth(height);
        }

        @Override
        protected double computePrefHeight(double width) {
            drawIfNot();
            return super.computePrefHeight(width);
        }
    }
}
