package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;

/**
 * A colour scale over 0–100 cut into equal classes, each class one colour between two ends blended in HSL (chroma.js
 * {@code scale([min, max]).mode("hsl").domain([0, 100]).classes(steps)}, which Redash's cohort uses). A grey end
 * (white, black) takes the other end's hue and saturation, as chroma does.
 */
public final class HslScale {

    private final double[] from;
    private final double[] to;
    private final int steps;

    public HslScale(String min, String max, int steps) {
        this.from = hsl(parse(min, "#ffffff"));
        this.to = hsl(parse(max, "#002fb4"));
        this.steps = Math.max(1, steps);
    }

    /** The class of a value: 0 for the lowest, {@code steps - 1} for the highest (values past the ends included). */
    public int classOf(double value) {
        int i = 0;
        while (i < steps && value >= 100.0 * i / steps) {
            i++;
        }
        return Math.max(0, i - 1);
    }

    /** The colour of a value's class. */
    public Rgb color(double value) {
        double f = steps == 1 ? 0 : (double) classOf(value) / (steps - 1);
        return blend(f);
    }

    /** {@code #000000} or {@code #ffffff}, whichever reads better on the colour (higher contrast, as Redash picks). */
    public static Rgb textOn(Rgb background) {
        double l = luminance(background);
        return (1.05) / (l + 0.05) > (l + 0.05) / 0.05 ? new Rgb(255, 255, 255) : new Rgb(0, 0, 0);
    }

    private Rgb blend(double f) {
        double hue;
        Double sat = null;
        boolean fromGrey = Double.isNaN(from[0]);
        boolean toGrey = Double.isNaN(to[0]);
        if (!fromGrey && !toGrey) {
            double dh = to[0] - from[0];
            if (to[0] > from[0] && dh > 180) {
                dh -= 360;
            } else if (to[0] < from[0] && -dh > 180) {
                dh += 360;
            }
            hue = from[0] + f * dh;
        } else if (!fromGrey) {
            hue = from[0];
            sat = to[2] == 1 || to[2] == 0 ? from[1] : null;
        } else if (!toGrey) {
            hue = to[0];
            sat = from[2] == 1 || from[2] == 0 ? to[1] : null;
        } else {
            hue = 0;
        }
        double s = sat != null ? sat : from[1] + f * (to[1] - from[1]);
        double l = from[2] + f * (to[2] - from[2]);
        return rgb(((hue % 360) + 360) % 360, s, l);
    }

    private static Rgb parse(String css, String fallback) {
        Rgb rgb = Rgb.parse(css);
        return rgb == null ? Rgb.of(fallback) : rgb;
    }

    /** Hue (NaN for greys), saturation, lightness. */
    static double[] hsl(Rgb c) {
        double r = c.red() / 255.0, g = c.green() / 255.0, b = c.blue() / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double l = (max + min) / 2;
        if (max == min) {
            return new double[] {Double.NaN, 0, l};
        }
        double d = max - min;
        double s = l < 0.5 ? d / (max + min) : d / (2 - max - min);
        double h;
        if (r == max) {
            h = (g - b) / d;
        } else if (g == max) {
            h = 2 + (b - r) / d;
        } else {
            h = 4 + (r - g) / d;
        }
        h *= 60;
        return new double[] {h < 0 ? h + 360 : h, s, l};
    }

    static Rgb rgb(double h, double s, double l) {
        if (s == 0) {
            int v = (int) Math.round(l * 255);
            return new Rgb(v, v, v);
        }
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        double hk = h / 360;
        return new Rgb(channel(p, q, hk + 1.0 / 3), channel(p, q, hk), channel(p, q, hk - 1.0 / 3));
    }

    private static int channel(double p, double q, double t) {
        t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        double v;
        if (6 * t < 1) {
            v = p + (q - p) * 6 * t;
        } else if (2 * t < 1) {
            v = q;
        } else if (3 * t < 2) {
            v = p + (q - p) * (2.0 / 3 - t) * 6;
        } else {
            v = p;
        }
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static double luminance(Rgb c) {
        return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
