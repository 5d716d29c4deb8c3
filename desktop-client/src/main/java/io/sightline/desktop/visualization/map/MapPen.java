package io.sightline.desktop.visualization.map;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What a map's painters draw with: the few {@code GraphicsContext} calls they use, so that one painting goes to the
 * canvas on screen ({@link CanvasPen}) or, for an export, to SVG elements ({@link SvgPen}). Angles as
 * {@code GraphicsContext.arc}'s: degrees, counter-clockwise from east.
 */
public interface MapPen {

    void setFill(Color color);

    void setStroke(Color color);

    void setLineWidth(double width);

    void fillRect(double x, double y, double width, double height);

    void fillOval(double x, double y, double width, double height);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void arc(double centerX, double centerY, double radiusX, double radiusY, double startAngle, double length);

    void closePath();

    /** Fills the path (holes by the even-odd rule). */
    void fill();

    void stroke();

    void setFont(Font font);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);
}
