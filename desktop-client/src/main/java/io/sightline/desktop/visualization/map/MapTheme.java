package io.sightline.desktop.visualization.map;

import javafx.scene.paint.Color;

/**
 * The colours a map takes from the workbench theme. Options a user saved (a choropleth's {@code colors.background}
 * or {@code colors.borders}) win over the theme; Redash's white defaults are the light theme's.
 */
public enum MapTheme {
    LIGHT(Color.WHITE, Color.web("#e8ecf2"), Color.web("#ffffff"), Color.web("#b8c0cc"), Color.web("#222222"),
            Color.web("#ffffffe6"), Color.web("#dddddd")),
    DARK(Color.web("#1e2127"), Color.web("#2b3038"), Color.web("#3a414c"), Color.web("#4a5260"), Color.web("#e6e6e6"),
            Color.web("#2b3038e6"), Color.web("#4a5058"));

    /** Behind the regions (the sea). */
    public final Color background;
    /** A marker map's land. */
    public final Color land;
    /** A choropleth's region borders. */
    public final Color borders;
    /** A marker map's country borders. */
    public final Color landBorders;
    public final Color text;
    /** Legend and tooltip panels. */
    public final Color panel;
    /** A region without a value. */
    public final Color noValue;

    MapTheme(Color background, Color land, Color borders, Color landBorders, Color text, Color panel, Color noValue) {
        this.background = background;
        this.land = land;
        this.borders = borders;
        this.landBorders = landBorders;
        this.text = text;
        this.panel = panel;
        this.noValue = noValue;
    }

    /** The workbench's theme name ({@code "dark"} or anything else for light). */
    public static MapTheme named(String theme) {
        return "dark".equals(theme) ? DARK : LIGHT;
    }

    static String css(Color c) {
        return String.format("rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
