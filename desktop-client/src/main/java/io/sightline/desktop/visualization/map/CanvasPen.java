package io.sightline.desktop.visualization.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A map painted on its canvas: each call is the canvas's own. */
final class CanvasPen implements MapPen {

    private final GraphicsContext g;

    CanvasPen(GraphicsContext g) {
        this.g = g;
    }

    @Override public void setFill(Color color) { g.setFill(color); }
    @Override public void setStroke(Color color) { g.setStroke(color); }
    @Override public void setLineWidth(double width) { g.setLineWidth(width); }
    @Override public void fillRect(double x, double y, double width, double height) { g.fillRect(x, y, width, height); }
    @Override public void fillOval(double x, double y, double width, double height) { g.fillOval(x, y, width, height); }
    @Override public void beginPath() { g.beginPath(); }
    @Override public void moveTo(double x, double y) { g.moveTo(x, y); }
    @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
    @Override public void closePath() { g.closePath(); }
    @Override public void fill() { g.fill(); }
    @Override public void stroke() { g.stroke(); }
    @Override public void setFont(Font font) { g.setFont(font); }
    @Override public void setTextAlign(TextAlignment align) { g.setTextAlign(align); }
    @Override public void setTextBaseline(VPos baseline) { g.setTextBaseline(baseline); }
    @Override public void fillText(String text, double x, double y) { g.fillText(text, x, y); }

    @Override
    public void arc(double centerX, double centerY, double radiusX, double radiusY, double startAngle, double length) {
        g.arc(centerX, centerY, radiusX, radiusY, startAngle, length);
    }
}
