package io.sightline.desktop.visualization.map;

import io.sightline.desktop.visualization.SvgExport;
import io.sightline.desktop.visualization.render.ClickedRow;
import io.sightline.desktop.visualization.render.WheelZoom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * A map drawn on one canvas over a plane of world units (the layer's projection): screen = world × scale + offset.
 * Drag pans, the scroll wheel zooms around the pointer, hovering shows the painter's tooltip. The first layout fits
 * the given extent. Problems met while preparing the data (keys that match no region, rows without coordinates)
 * are listed in {@link #problems()} and shown in a corner, never thrown.
 *
 * <p>As Leaflet's renderers do, a pan moves the last drawing instead of drawing again, and the map is drawn again
 * once it has stood still for 180 ms; the drawing reaches {@value #PADDING} of the view beyond each edge, so a
 * short drag shows no empty edge. A pan frame thus costs what a canvas costs to place, whatever the number of
 * points. A zoom draws again at once: the software renderer scales a canvas more slowly than most maps draw.
 */
public class MapView extends Region {

    /** Draws the layers; called on every frame with the graphics cleared to the background. */
    public interface Painter {
        void paint(MapPen g, MapView view);
    }

    /** The tooltip text at a point (world and screen coordinates), or null for none; may set a hover state. */
    public interface Hover {
        String textAt(double worldX, double worldY, double screenX, double screenY);
    }

    /** The result row drawn at a point (a region's or a lone marker's), or null. */
    public interface RowAt {
        Map<String, Object> rowAt(double worldX, double worldY, double screenX, double screenY);
    }

    /** Drawn beyond each edge, as a share of the view's width and height (Leaflet's renderer padding). */
    static final double PADDING = 0.1;

    private static final java.util.concurrent.atomic.AtomicInteger SVG_IDS = new java.util.concurrent.atomic.AtomicInteger();

    private final Canvas canvas = new Canvas();
    /** Where the canvas is shown: the view at its last drawing, moved and scaled to the view now. */
    private final Affine placed = new Affine();
    private final Label tooltip = new Label();
    private final Label notice = new Label();
    private final Label popup = new Label();
    private final MapTheme theme;
    private final double[] extent;
    private final List<String> problems = new ArrayList<>();
    private Color background;
    private Painter painter = (g, v) -> { };
    private Hover hover = (wx, wy, sx, sy) -> null;
    private Hover click = (wx, wy, sx, sy) -> null;
    private RowAt rowAt = (wx, wy, sx, sy) -> null;
    private Node legend;
    private String legendPosition = "bottom-left";
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double fitScale = 1;
    private boolean fitted;
    private boolean redrawQueued;
    private double dragX;
    private double dragY;
    private long lastPaintNanos;
    private boolean moving;
    /** The view the canvas holds: scale and offsets at its last drawing, and its margin beyond the view. */
    private double drawnScale = 1;
    private double drawnOffsetX;
    private double drawnOffsetY;
    private double padX;
    private double padY;
    /** How far beyond the view the last drawing reaches: the padding, or none for a lighter one after a zoom. */
    private double drawnPadX;
    private double drawnPadY;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(180));
    private long frames;

    public MapView(MapTheme theme, double[] extent) {
        this.theme = theme;
        this.extent = extent.clone();
        this.background = theme.background;
        getStyleClass().add("sightline-map");
        setPrefSize(800, 480);
        setMinSize(120, 80);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setWrapText(false);
        notice.setManaged(false);
        notice.setVisible(false);
        notice.setMouseTransparent(true);
        notice.setWrapText(true);
        popup.setManaged(false);
        popup.setVisible(false);
        popup.setMouseTransparent(true);
        for (Label label : List.of(tooltip, notice, popup)) {
            label.setBackground(new Background(new BackgroundFill(theme.panel, new CornerRadii(4), Insets.EMPTY)));
            label.setTextFill(theme.text);
            label.setPadding(new Insets(4, 8, 4, 8));
            label.setStyle("-fx-font-size: 12px; -fx-border-color: " + MapTheme.css(theme.landBorders)
                    + "; -fx-border-radius: 4;");
        }
        canvas.getTransforms().add(placed);
        canvas.getProperties().put(SvgExport.VECTOR, (Supplier<String>) this::svg);
        getChildren().addAll(canvas, notice, popup, tooltip);
        settle.setOnFinished(e -> {
            moving = false;
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.isPrimaryButtonDown()) {
                panBy(e.getX() - dragX, e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
                tooltip.setVisible(false);
                popup.setVisible(false);
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress() && e.getButton() == MouseButton.PRIMARY) {
                // before the click reaches a drill-through handler above: which row it is about
                Point2D world = toWorld(e.getX(), e.getY());
                ClickedRow.mark(this, rowAt.rowAt(world.getX(), world.getY(), e.getX(), e.getY()));
                clickAt(e.getX(), e.getY());
            } else {
                ClickedRow.mark(this, null);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0 && WheelZoom.zooms(e, this)) {
                zoomAt(e.getX(), e.getY(), Math.pow(2, e.getDeltaY() / 160));
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            tooltip.setVisible(false);
            hover.textAt(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            requestRedraw();
        });
    }

    public void setPainter(Painter painter) {
        this.painter = painter;
    }

    public void setHover(Hover hover) {
        this.hover = hover;
    }

    /** Which result row a click is about, for a drill-through ({@link ClickedRow}); none by default. */
    public void setRowAt(RowAt rowAt) {
        this.rowAt = rowAt;
    }

    /** What a click shows as a popup (text, or null for none); a click may also act, e.g. zoom into a cluster. */
    public void setClick(Hover click) {
        this.click = click;
    }

    public void setBackgroundColor(Color background) {
        this.background = background;
    }

    public MapTheme theme() {
        return theme;
    }

    /** Puts a legend in a corner: {@code top-left}, {@code top-right}, {@code bottom-left} or {@code bottom-right}. */
    public void setLegend(Node legend, String position) {
        if (this.legend != null) {
            getChildren().remove(this.legend);
        }
        this.legend = legend;
        this.legendPosition = position == null ? "bottom-left" : position;
        if (legend != null) {
            legend.setManaged(false);
            getChildren().add(getChildren().indexOf(tooltip), legend);
        }
        requestLayout();
    }

    public Node legend() {
        return legend;
    }

    /** Adds a problem to the list and the corner notice. */
    public void report(String problem) {
        problems.add(problem);
        notice.setText(String.join("\n", problems));
        notice.setVisible(true);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The text of the tooltip shown now, or null. */
    public String tooltipText() {
        return tooltip.isVisible() ? tooltip.getText() : null;
    }

    public double scale() {
        return scale;
    }

    /** Zoom relative to the first (fitted) view: 1 at first, 2 after zooming in once by two. */
    public double zoom() {
        return scale / fitScale;
    }

    public Point2D toScreen(double worldX, double worldY) {
        return new Point2D(worldX * scale + offsetX, worldY * scale + offsetY);
    }

    public Point2D toWorld(double screenX, double screenY) {
        return new Point2D((screenX - offsetX) / scale, (screenY - offsetY) / scale);
    }

    /** Moves the map by a distance in pixels. */
    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        moved();
    }

    /** The closest zoom: 2<sup>18</sup> pixels per world unit (Leaflet's level 18), or 16 times the first view. */
    public double maxScale() {
        return Math.max(fitScale * 16, 1 << 18);
    }

    /** Zooms by a factor keeping the world point under (x, y) in place; from half the first view to {@link #maxScale()}. */
    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(fitScale / 2, Math.min(maxScale(), scale * factor));
        Point2D world = toWorld(x, y);
        scale = next;
        offsetX = x - world.getX() * scale;
        offsetY = y - world.getY() * scale;
        moved();
    }

    /**
     * While the map is panned, the last drawing follows it; 180 ms after the last move it is drawn again in full. It
     * is drawn meanwhile, on the next pulse, after a zoom and when the drawing no longer covers the view (a drag past
     * its padding); such a drawing is lighter: no region borders, points closer than 1.5 px dropped, and after a zoom
     * the view alone.
     */
    private void moved() {
        moving = true;
        settle.playFromStart();
        place();
        if (scale != drawnScale || !drawingCoversView()) {
            requestRedraw();
        }
    }

    private boolean drawingCoversView() {
        double k = placed.getMxx(), x = placed.getTx(), y = placed.getTy();
        return x + k * (padX - drawnPadX) <= 0 && y + k * (padY - drawnPadY) <= 0
                && x + k * (padX + getWidth() + drawnPadX) >= getWidth()
                && y + k * (padY + getHeight() + drawnPadY) >= getHeight();
    }

    /** Shows the last drawing where the view now puts it: moved by the pan since (and scaled, until redrawn). */
    private void place() {
        double k = scale / drawnScale;
        placed.setToTransform(k, 0, offsetX - k * (drawnOffsetX + padX), 0, k, offsetY - k * (drawnOffsetY + padY));
    }

    /** Draws again now if the map moved since the last drawing, so that what the pointer is on is what is shown. */
    private void drawIfMoved() {
        if (scale != drawnScale || offsetX != drawnOffsetX || offsetY != drawnOffsetY) {
            redraw();
        }
    }

    /**
     * The part of the view's plane that is being drawn, in screen coordinates {minX, minY, maxX, maxY}: the view and
     * its padding, or the view alone for a lighter drawing after a zoom. Painters skip what lies outside it.
     */
    public double[] drawnArea() {
        return new double[] {-drawnPadX, -drawnPadY, getWidth() + drawnPadX, getHeight() + drawnPadY};
    }

    /** Whether the map is being panned or zoomed (frames are drawn lighter meanwhile). */
    public boolean moving() {
        return moving;
    }

    /** Fits a world extent {minX, minY, maxX, maxY} in the view. */
    public void fit(double[] box) {
        double w = getWidth(), h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double bw = Math.max(1e-9, box[2] - box[0]), bh = Math.max(1e-9, box[3] - box[1]);
        scale = Math.min(w / bw, h / bh);
        fitScale = scale;
        offsetX = (w - bw * scale) / 2 - box[0] * scale;
        offsetY = (h - bh * scale) / 2 - box[1] * scale;
        fitted = true;
    }

    /** The world extent visible now: {minX, minY, maxX, maxY}. */
    public double[] visibleExtent() {
        Point2D a = toWorld(0, 0), b = toWorld(getWidth(), getHeight());
        return new double[] {a.getX(), a.getY(), b.getX(), b.getY()};
    }

    /** Nanoseconds the last {@link #redraw()} took to issue its drawing (not the render of the pulse after it). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public long frames() {
        return frames;
    }

    /** Redraws on the next pulse; several requests before it make one frame. */
    public void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                if (redrawQueued) { // not drawn meanwhile
                    redraw();
                }
            });
        }
    }

    /** Draws now a redraw that was asked for, as the next pulse would (the benchmarks count it in their frame). */
    public void drawPending() {
        if (redrawQueued) {
            redraw();
        }
    }

    /** Redraws now, at the current view. */
    public void redraw() {
        redrawQueued = false;
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // a zoom's lighter drawing covers the view alone; a drag's keeps its margin for the rest of the drag
        boolean zoomed = moving && scale != drawnScale;
        drawnPadX = zoomed ? 0 : padX;
        drawnPadY = zoomed ? 0 : padY;
        g.save();
        g.translate(padX, padY); // painters draw in the view's screen coordinates
        g.setFillRule(FillRule.EVEN_ODD);
        painter.paint(new CanvasPen(g), this);
        g.restore();
        drawnScale = scale;
        drawnOffsetX = offsetX;
        drawnOffsetY = offsetY;
        place();
        lastPaintNanos = System.nanoTime() - start;
        frames++;
    }

    /** Clicks a screen point: shows the popup there, if any. */
    public void clickAt(double x, double y) {
        drawIfMoved();
        Point2D world = toWorld(x, y);
        String text = click.textAt(world.getX(), world.getY(), x, y);
        if (text == null || text.isBlank()) {
            popup.setVisible(false);
            return;
        }
        tooltip.setVisible(false);
        popup.setText(text);
        place(popup, x, y);
    }

    /** The text of the popup shown now, or null. */
    public String popupText() {
        return popup.isVisible() ? popup.getText() : null;
    }

    private void place(Label label, double x, double y) {
        label.autosize();
        double tx = x + 14 + label.getWidth() > getWidth() ? x - 8 - label.getWidth() : x + 14;
        double ty = y + 14 + label.getHeight() > getHeight() ? y - 8 - label.getHeight() : y + 14;
        label.relocate(Math.max(0, tx), Math.max(0, ty));
        label.setVisible(true);
    }

    /** Shows the tooltip for a screen point, as the pointer resting there does. */
    public void hoverAt(double x, double y) {
        drawIfMoved();
        Point2D world = toWorld(x, y);
        String text = hover.textAt(world.getX(), world.getY(), x, y);
        requestRedraw();
        if (text == null || text.isBlank()) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(text);
        place(tooltip, x, y);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        padX = Math.ceil(w * PADDING);
        padY = Math.ceil(h * PADDING);
        if (canvas.getWidth() != w + 2 * padX || canvas.getHeight() != h + 2 * padY) {
            canvas.setWidth(w + 2 * padX);
            canvas.setHeight(h + 2 * padY);
        }
        if (!fitted) {
            fit(extent);
        }
        notice.setMaxWidth(Math.max(100, w - 20));
        notice.autosize();
        notice.relocate(10, 10);
        if (legend != null) {
            legend.autosize();
            double lw = legend.getLayoutBounds().getWidth(), lh = legend.getLayoutBounds().getHeight();
            double lx = legendPosition.endsWith("right") ? w - lw - 10 : 10;
            double ly = legendPosition.startsWith("top") ? 10 + (notice.isVisible() ? notice.getHeight() + 6 : 0)
                    : h - lh - 10;
            legend.relocate(lx, ly);
            legend.setVisible(lh + 20 <= h); // a legend taller than the map would hide it: none then
        }
        redraw();
    }

    /**
     * The map as SVG elements in the canvas's coordinates (what {@link SvgExport} asks a canvas for): drawn again at
     * the view shown, then painted by the same painter as SVG, clipped to the view.
     */
    private String svg() {
        redraw(); // the canvas holds the view as shown now: its coordinates are the view's moved by the padding
        SvgPen pen = new SvgPen();
        pen.setFill(background);
        pen.fillRect(0, 0, getWidth(), getHeight());
        painter.paint(pen, this);
        String clip = "map-view-" + SVG_IDS.incrementAndGet();
        return String.format(java.util.Locale.ROOT, "<g transform=\"translate(%.1f %.1f)\"><clipPath id=\"%s\">"
                + "<rect width=\"%.1f\" height=\"%.1f\"/></clipPath><g clip-path=\"url(#%s)\">%n%s</g></g>%n",
                padX, padY, clip, getWidth(), getHeight(), clip, pen.svg());
    }

    /** Fills and strokes a region's rings, skipping it when off screen and points closer than half a pixel. */
    void drawRegion(MapPen g, MapShapes.Region region, Color fill, Color stroke, double lineWidth) {
        double x0 = region.minX() * scale + offsetX, y0 = region.minY() * scale + offsetY;
        double x1 = region.maxX() * scale + offsetX, y1 = region.maxY() * scale + offsetY;
        if (x1 < -drawnPadX || y1 < -drawnPadY || x0 > getWidth() + drawnPadX || y0 > getHeight() + drawnPadY) {
            return;
        }
        if (x1 - x0 < 1.5 && y1 - y0 < 1.5) {
            g.setFill(fill);
            g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            return;
        }
        double tolerance = moving ? 1.5 : 0.5;
        g.beginPath();
        for (double[] ring : region.rings()) {
            double px = ring[0] * scale + offsetX, py = ring[1] * scale + offsetY;
            g.moveTo(px, py);
            for (int i = 2; i < ring.length; i += 2) {
                double sx = ring[i] * scale + offsetX, sy = ring[i + 1] * scale + offsetY;
                if (Math.abs(sx - px) >= tolerance || Math.abs(sy - py) >= tolerance || i == ring.length - 2) {
                    g.lineTo(sx, sy);
                    px = sx;
                    py = sy;
                }
            }
            g.closePath();
        }
        g.setFill(fill);
        g.fill();
        if (stroke != null && lineWidth > 0 && !moving) {
            g.setStroke(stroke);
            g.setLineWidth(lineWidth);
            g.stroke();
        }
    }
}
