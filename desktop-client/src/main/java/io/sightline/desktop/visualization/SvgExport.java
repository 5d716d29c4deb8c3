package io.sightline.desktop.visualization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * A drawing as SVG, walked from the scene graph: region backgrounds and shapes (bars, pie slices), paths (lines,
 * areas, axes), polygons (sideways areas), circles, lines and text become vector elements in their on-screen
 * positions; a canvas that gives its own elements ({@link #VECTOR}: heatmap and cohort cells, maps, the large ChartFX
 * charts' axes and data) is written as those; any other canvas is embedded as a PNG image. Gradients are drawn in their first colour.
 */
public final class SvgExport {

    /**
     * A node property: a {@code Supplier<String>} of SVG elements in the node's own coordinates, written in place of
     * the node (a canvas that can say what it drew, e.g. a heatmap's cells, is exported as vectors, not as a PNG).
     */
    public static final String VECTOR = "svg.vector";

    private SvgExport() {
    }

    public static void write(Node drawing, Path file) throws IOException {
        Files.writeString(file, svg(drawing), StandardCharsets.UTF_8);
    }

    public static String svg(Node drawing) {
        Bounds bounds = drawing.getLayoutBounds();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\">%n", bounds.getWidth(), bounds.getHeight(), bounds.getWidth(),
                bounds.getHeight()));
        out.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n",
                drawing.getScene() != null && drawing.getScene().getFill() instanceof Color c ? web(c) : "#ffffff"));
        Transform toRoot;
        try {
            toRoot = drawing.getLocalToSceneTransform().createInverse();
        } catch (javafx.scene.transform.NonInvertibleTransformException e) {
            toRoot = Transform.translate(0, 0);
        }
        walk(drawing, toRoot, out);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void walk(Node node, Transform toRoot, StringBuilder out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Transform t = toRoot.createConcatenation(node.getLocalToSceneTransform());
        String matrix = String.format(Locale.ROOT, "matrix(%.4f %.4f %.4f %.4f %.2f %.2f)", t.getMxx(), t.getMyx(),
                t.getMxy(), t.getMyy(), t.getTx(), t.getTy());
        if (node.getProperties().get(VECTOR) instanceof java.util.function.Supplier<?> vector) {
            out.append("<g transform=\"").append(matrix).append("\">\n").append(vector.get()).append("</g>\n");
            return;
        }
        if (node instanceof Region region) {
            region(region, matrix, out);
        } else if (node instanceof Canvas canvas) {
            canvas(canvas, matrix, out);
        } else if (node instanceof Text text) {
            text(text, matrix, out);
        } else if (node instanceof Shape shape) {
            String d = outline(shape);
            if (d != null) {
                out.append("<path transform=\"").append(matrix).append("\" d=\"").append(d).append('"')
                        .append(paint(" fill", shape.getFill(), "none"))
                        .append(paint(" stroke", shape.getStroke(), "none"))
                        .append(String.format(Locale.ROOT, " stroke-width=\"%.2f\"", shape.getStrokeWidth()))
                        .append("/>\n");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, toRoot, out);
            }
        }
    }

    private static void region(Region region, String matrix, StringBuilder out) {
        // a pie slice is an unsized region whose shape (an arc) is drawn as it is
        if (region.getBackground() == null
                || region.getShape() == null && (region.getWidth() <= 0 || region.getHeight() <= 0)) {
            return;
        }
        for (BackgroundFill fill : region.getBackground().getFills()) {
            String color = color(fill.getFill());
            if (color == null) {
                continue;
            }
            if (region.getShape() != null) {
                String d = outline(region.getShape());
                if (d != null) {
                    out.append("<path transform=\"").append(matrix).append("\" d=\"").append(d)
                            .append("\" fill=\"").append(color).append("\"/>\n");
                }
                continue;
            }
            double x = fill.getInsets().getLeft();
            double y = fill.getInsets().getTop();
            double w = region.getWidth() - x - fill.getInsets().getRight();
            double h = region.getHeight() - y - fill.getInsets().getBottom();
            if (w > 0 && h > 0) {
                out.append(String.format(Locale.ROOT, "<rect transform=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\""
                        + " height=\"%.2f\" fill=\"%s\"/>%n", matrix, x, y, w, h, color));
            }
        }
    }

    private static void canvas(Canvas canvas, String matrix, StringBuilder out) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(SwingFXUtils.fromFXImage(canvas.snapshot(parameters, null), null), "png", png);
            out.append(String.format(Locale.ROOT, "<image transform=\"%s\" width=\"%.0f\" height=\"%.0f\""
                    + " href=\"data:image/png;base64,%s\"/>%n", matrix, canvas.getWidth(), canvas.getHeight(),
                    Base64.getEncoder().encodeToString(png.toByteArray())));
        } catch (IOException e) {
            // a canvas that cannot be encoded is left out
        }
    }

    private static void text(Text text, String matrix, StringBuilder out) {
        if (text.getText() == null || text.getText().isBlank()) {
            return;
        }
        double baseline = text.getBaselineOffset() + text.getLayoutBounds().getMinY();
        out.append(String.format(Locale.ROOT, "<text transform=\"%s\" x=\"%.2f\" y=\"%.2f\" font-family=\"%s\""
                        + " font-size=\"%.1f\"%s>%s</text>%n", matrix, text.getX(), text.getY() + baseline,
                escape(text.getFont().getFamily()), text.getFont().getSize(), paint(" fill", text.getFill(), "#000000"),
                escape(text.getText())));
    }

    /** The shape's outline as SVG path data, in its own coordinates; null for shapes not handled. */
    static String outline(Shape shape) {
        if (shape instanceof javafx.scene.shape.Path path) {
            StringBuilder d = new StringBuilder();
            for (PathElement e : path.getElements()) {
                if (e instanceof MoveTo m) {
                    d.append(String.format(Locale.ROOT, "M%.2f %.2f ", m.getX(), m.getY()));
                } else if (e instanceof LineTo l) {
                    d.append(String.format(Locale.ROOT, "L%.2f %.2f ", l.getX(), l.getY()));
                } else if (e instanceof CubicCurveTo c) {
                    d.append(String.format(Locale.ROOT, "C%.2f %.2f %.2f %.2f %.2f %.2f ", c.getControlX1(),
                            c.getControlY1(), c.getControlX2(), c.getControlY2(), c.getX(), c.getY()));
                } else if (e instanceof QuadCurveTo q) {
                    d.append(String.format(Locale.ROOT, "Q%.2f %.2f %.2f %.2f ", q.getControlX(), q.getControlY(),
                            q.getX(), q.getY()));
                } else if (e instanceof ArcTo a) {
                    d.append(String.format(Locale.ROOT, "A%.2f %.2f %.2f %d %d %.2f %.2f ", a.getRadiusX(),
                            a.getRadiusY(), a.getXAxisRotation(), a.isLargeArcFlag() ? 1 : 0, a.isSweepFlag() ? 1 : 0,
                            a.getX(), a.getY()));
                } else if (e instanceof ClosePath) {
                    d.append("Z ");
                }
            }
            return d.toString().strip();
        }
        if (shape instanceof Arc arc) {
            double start = Math.toRadians(arc.getStartAngle());
            double end = Math.toRadians(arc.getStartAngle() + arc.getLength());
            double x0 = arc.getCenterX() + arc.getRadiusX() * Math.cos(start);
            double y0 = arc.getCenterY() - arc.getRadiusY() * Math.sin(start);
            double x1 = arc.getCenterX() + arc.getRadiusX() * Math.cos(end);
            double y1 = arc.getCenterY() - arc.getRadiusY() * Math.sin(end);
            int large = Math.abs(arc.getLength()) > 180 ? 1 : 0;
            int sweep = arc.getLength() > 0 ? 0 : 1;
            String d = String.format(Locale.ROOT, "M%.2f %.2f A%.2f %.2f 0 %d %d %.2f %.2f", x0, y0,
                    arc.getRadiusX(), arc.getRadiusY(), large, sweep, x1, y1);
            return arc.getType() == ArcType.ROUND ? String.format(Locale.ROOT, "M%.2f %.2f L", arc.getCenterX(),
                    arc.getCenterY()) + d.substring(1) + " Z" : d;
        }
        if (shape instanceof Rectangle r) {
            return String.format(Locale.ROOT, "M%.2f %.2f h%.2f v%.2f h%.2f Z", r.getX(), r.getY(), r.getWidth(),
                    r.getHeight(), -r.getWidth());
        }
        if (shape instanceof Circle c) {
            return String.format(Locale.ROOT, "M%.2f %.2f a%.2f %.2f 0 1 0 %.2f 0 a%.2f %.2f 0 1 0 %.2f 0",
                    c.getCenterX() - c.getRadius(), c.getCenterY(), c.getRadius(), c.getRadius(), 2 * c.getRadius(),
                    c.getRadius(), c.getRadius(), -2 * c.getRadius());
        }
        if (shape instanceof Line l) {
            return String.format(Locale.ROOT, "M%.2f %.2f L%.2f %.2f", l.getStartX(), l.getStartY(), l.getEndX(),
                    l.getEndY());
        }
        if (shape instanceof javafx.scene.shape.Polygon polygon && polygon.getPoints().size() >= 4) {
            StringBuilder d = new StringBuilder();
            List<Double> points = polygon.getPoints();
            for (int i = 0; i + 1 < points.size(); i += 2) {
                d.append(String.format(Locale.ROOT, "%s%.2f %.2f ", i == 0 ? "M" : "L", points.get(i),
                        points.get(i + 1)));
            }
            return d.append('Z').toString();
        }
        return null;
    }

    private static String paint(String attribute, Paint paint, String fallback) {
        String color = color(paint);
        return attribute + "=\"" + (color == null ? fallback : color) + "\"";
    }

    private static String color(Paint paint) {
        if (paint instanceof Color c) {
            return c.getOpacity() == 0 ? null : web(c);
        }
        if (paint instanceof LinearGradient g && !g.getStops().isEmpty()) {
            return web(g.getStops().get(0).getColor());
        }
        if (paint instanceof RadialGradient g && !g.getStops().isEmpty()) {
            return web(g.getStops().get(0).getColor());
        }
        return null;
    }

    private static String web(Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        return c.getOpacity() < 1 ? rgb + String.format(Locale.ROOT, "\" fill-opacity=\"%.2f", c.getOpacity()) : rgb;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
