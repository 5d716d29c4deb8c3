package io.sightline.desktop.visualization.map;

/**
 * Web Mercator, as Leaflet draws Redash's maps: longitude and latitude to a square plane of {@link #SIZE} units
 * (x east, y south), latitudes clamped to ±85.0511° where the square ends.
 */
public final class Mercator {

    public static final double SIZE = 256;
    static final double MAX_LAT = 85.0511287798;

    private Mercator() {
    }

    public static double x(double lon) {
        return (lon + 180) / 360 * SIZE;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * SIZE;
    }

    public static double lon(double x) {
        return x / SIZE * 360 - 180;
    }

    public static double lat(double y) {
        double n = Math.PI - 2 * Math.PI * y / SIZE;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }
}
