package io.sightline.common.visualization.map;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An opaque colour, 0–255 a channel; what a saved CSS colour reads as, and what renderers are told to paint. */
public record Rgb(int red, int green, int blue) {

    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})");
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*(,\\s*[\\d.]+\\s*)?\\)");

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("a channel out of 0–255: " + red + ", " + green + ", " + blue);
        }
    }

    public static Rgb of(String hex) {
        Rgb rgb = parse(hex);
        if (rgb == null) {
            throw new IllegalArgumentException("not a colour: " + hex);
        }
        return rgb;
    }

    /**
     * The colours Redash's colour pickers save ({@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa} with the alpha
     * ignored, {@code rgb()}/{@code rgba()}), or null for anything else (the renderer's default then).
     */
    public static Rgb parse(String css) {
        if (css == null) {
            return null;
        }
        String text = css.strip().toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(text);
        if (hex.matches()) {
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2);
            }
            return new Rgb(Integer.parseInt(digits.substring(0, 2), 16), Integer.parseInt(digits.substring(2, 4), 16),
                    Integer.parseInt(digits.substring(4, 6), 16));
        }
        Matcher rgb = RGB.matcher(text);
        if (rgb.matches()) {
            int r = Integer.parseInt(rgb.group(1)), g = Integer.parseInt(rgb.group(2)), b = Integer.parseInt(rgb.group(3));
            return r > 255 || g > 255 || b > 255 ? null : new Rgb(r, g, b);
        }
        return null;
    }

    /** {@code #rrggbb}, lower case. */
    public String hex() {
        return String.format("#%02x%02x%02x", red, green, blue);
    }

    @Override
    public String toString() {
        return hex();
    }
}
