package io.sightline.desktop.visualization.map;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A map painted as SVG elements, in the view's coordinates: the same painters as the canvas, so that an exported map
 * is its countries, markers and clusters as vectors (sharp at any size, its text selectable) rather than a picture.
 */
final class SvgPen implements MapPen {

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private double lineWidth = 1;
    private Font font = Font.getDefault();
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;

    String svg() {
        return out.toString();
    }

    @Override public void setFill(Color color) { fill = color; }
    @Override public void setStroke(Color color) { stroke = color; }
    @Override public void setLineWidth(double width) { lineWidth = width; }
    @Override public void setFont(Font font) { this.font = font; }
    @Override public void setTextAlign(TextAlignment align) { this.align = align; }
    @Override public void setTextBaseline(VPos baseline) { this.baseline = baseline; }

    @Override
    public void fillRect(double x, double y, double width, double height) {
        out.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", x, y, width, height))
                .append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        out.append(f("<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\"", x + width / 2, y + height / 2,
                width / 2, height / 2)).append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void beginPath() {
        path.setLength(0);
    }

    @Override
    public void moveTo(double x, double y) {
        path.append(f("M%.1f %.1f", x, y));
    }

    @Override
    public void lineTo(double x, double y) {
        path.append(f("L%.1f %.1f", x, y));
    }

    /** As the canvas's arc: a line to its start, then the arc (counter-clockwise on screen for a positive length). */
    @Override
    public void arc(double centerX, double centerY, double radiusX, double radiusY, double startAngle, double length) {
        double from = Math.toRadians(startAngle);
        path.append(path.isEmpty() ? "M" : "L").append(f("%.2f %.2f", centerX + radiusX * Math.cos(from),
                centerY - radiusY * Math.sin(from)));
        double done = 0;
        while (Math.abs(length - done) > 1e-9) {
            double step = Math.max(-180, Math.min(180, length - done)); // an SVG arc is at most a half turn here
            double to = Math.toRadians(startAngle + done + step);
            path.append(f("A%.2f %.2f 0 0 %d %.2f %.2f", radiusX, radiusY, step > 0 ? 0 : 1,
                    centerX + radiusX * Math.cos(to), centerY - radiusY * Math.sin(to)));
            done += step;
        }
    }

    @Override
    public void closePath() {
        path.append('Z');
    }

    @Override
    public void fill() {
        out.append("<path d=\"").append(path).append('"').append(paint("fill", fill))
                .append(" fill-rule=\"evenodd\"/>\n");
    }

    @Override
    public void stroke() {
        out.append("<path d=\"").append(path).append("\" fill=\"none\"").append(paint("stroke", stroke))
                .append(f(" stroke-width=\"%.2f\"", lineWidth)).append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y) {
        String anchor = switch (align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        String dominant = switch (baseline) {
            case CENTER -> "central";
            case TOP -> "hanging";
            case BOTTOM -> "text-after-edge";
            default -> "alphabetic";
        };
        out.append(f("<text x=\"%.1f\" y=\"%.1f\" font-family=\"%s\" font-size=\"%.1f\"", x, y,
                escape(font.getFamily()), font.getSize()))
                .append(font.getStyle().toLowerCase(Locale.ROOT).contains("bold") ? " font-weight=\"bold\"" : "")
                .append(" text-anchor=\"").append(anchor).append("\" dominant-baseline=\"").append(dominant)
                .append('"').append(paint("fill", fill)).append('>').append(escape(text)).append("</text>\n");
    }

    private static String paint(String attribute, Color color) {
        String rgb = String.format(Locale.ROOT, " %s=\"#%02x%02x%02x\"", attribute, Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
        return color.getOpacity() < 1 ? rgb + f(" %s-opacity=\"%.2f\"", attribute, color.getOpacity()) : rgb;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
