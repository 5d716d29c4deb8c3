package io.sightline.desktop.visualization.chart;

import io.sightline.desktop.visualization.render.WheelZoom;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Zoom and pan along a chart's categories (columns, bars, and lines or areas over categories), as
 * {@link NumberAxesZoom} does along numbers: the wheel shows fewer categories around the one under the pointer
 * (forward: in; Ctrl + wheel in a dashboard, {@link WheelZoom}), a drag in the plot moves along them, a double
 * click shows them all again. The categories out of view leave the axis and their points the series, so the
 * categories in view share the axis's length and the value axis fits them. A combo chart's layers
 * ({@link ComboChart}) zoom together: the same categories in view on each, its value axes kept as they are.
 */
final class CategoryAxesZoom {

    /** How much one wheel notch narrows the view. */
    private static final double NOTCH = 0.8;
    /** The fewest categories a zoom shows. */
    private static final int FEWEST = 2;

    /** The chart whose plot and category axis are read; {@link #layers} are all the charts zoomed (it among them). */
    private final XYChart<Object, Object> chart;
    private final CategoryAxis axis;
    private final boolean categoriesOnY;
    private final List<String> all;
    private final List<XYChart<Object, Object>> layers;
    private final List<List<List<XYChart.Data<Object, Object>>>> points = new ArrayList<>(); // per layer, per series
    private int from;
    private int to;
    private Point2D pressed;
    private int fromAtPress;

    private CategoryAxesZoom(List<XYChart<Object, Object>> layers, CategoryAxis axis, boolean categoriesOnY) {
        this.chart = layers.get(0);
        this.layers = layers;
        this.axis = axis;
        this.categoriesOnY = categoriesOnY;
        this.all = List.copyOf(axis.getCategories());
        for (XYChart<Object, Object> layer : layers) {
            List<List<XYChart.Data<Object, Object>>> ofLayer = new ArrayList<>();
            for (XYChart.Series<Object, Object> series : layer.getData()) {
                ofLayer.add(List.copyOf(series.getData()));
            }
            points.add(ofLayer);
        }
        this.from = 0;
        this.to = all.size();
    }

    /** Lets a chart with a category axis be zoomed and panned along its categories; other charts are left alone. */
    static void attach(XYChart<?, ?> chart) {
        attach(chart, List.of(chart));
    }

    /**
     * Lets the layers of a combo chart, laid over each other in {@code pane} (which hears the pointer over any of
     * them), be zoomed and panned together along their categories (the same on each); the first is the one read.
     */
    @SuppressWarnings("unchecked")
    static void attach(javafx.scene.Node pane, List<? extends XYChart<?, ?>> layers) {
        XYChart<?, ?> chart = layers.get(0);
        CategoryAxis axis = chart.getXAxis() instanceof CategoryAxis x ? x
                : chart.getYAxis() instanceof CategoryAxis y ? y : null;
        if (axis == null || axis.getCategories().size() <= FEWEST) {
            return;
        }
        CategoryAxesZoom zoom = new CategoryAxesZoom((List<XYChart<Object, Object>>) layers, axis,
                axis == chart.getYAxis());
        pane.addEventHandler(ScrollEvent.SCROLL, zoom::wheel);
        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, zoom::press);
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, zoom::drag);
        pane.addEventHandler(MouseEvent.MOUSE_CLICKED, zoom::click);
    }

    private void wheel(ScrollEvent event) {
        if (event.getDeltaY() == 0 || !inPlot(event.getSceneX(), event.getSceneY())
                || !WheelZoom.zooms(event, chart)) {
            return;
        }
        double notches = PlotPointer.notches(event);
        int shown = to - from;
        int wanted = (int) Math.round(shown * Math.pow(NOTCH, notches));
        if (notches > 0 && wanted >= shown) {
            wanted = shown - 1; // a notch on a few categories still takes one away
        }
        wanted = Math.max(Math.min(FEWEST, all.size()), Math.min(all.size(), wanted));
        int anchor = Math.max(from, Math.min(to - 1, all.indexOf(String.valueOf(axis.getValueForDisplay(
                along(axis.sceneToLocal(event.getSceneX(), event.getSceneY())))))));
        // the category under the pointer keeps its share of the view before it
        double before = (anchor - from + 0.5) / shown;
        show((int) Math.round(anchor + 0.5 - before * wanted), wanted);
        event.consume();
    }

    private void press(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && inPlot(event.getSceneX(), event.getSceneY())) {
            pressed = new Point2D(event.getSceneX(), event.getSceneY());
            fromAtPress = from;
        } else {
            pressed = null;
        }
    }

    private void drag(MouseEvent event) {
        if (pressed == null || to - from == all.size()) {
            return;
        }
        double moved = categoriesOnY ? event.getSceneY() - pressed.getY() : event.getSceneX() - pressed.getX();
        double length = categoriesOnY ? axis.getHeight() : axis.getWidth();
        if (length <= 0) {
            return;
        }
        // which way the categories run on the screen: left to right, or up the side from the bottom
        double firstToLast = axis.getDisplayPosition(all.get(to - 1)) - axis.getDisplayPosition(all.get(from));
        double perCategory = length / (to - from);
        int shift = (int) Math.round(-moved / perCategory * Math.signum(firstToLast == 0 ? 1 : firstToLast));
        show(fromAtPress + shift, to - from);
        event.consume();
    }

    private void click(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                && inPlot(event.getSceneX(), event.getSceneY())) {
            show(0, all.size());
            event.consume();
        }
    }

    /** Shows {@code count} categories from {@code start} (kept within the whole), and their points alone. */
    private void show(int start, int count) {
        int first = Math.max(0, Math.min(all.size() - count, start));
        if (first == from && first + count == to) {
            return;
        }
        from = first;
        to = first + count;
        List<String> inView = all.subList(from, to);
        java.util.Set<String> kept = new java.util.HashSet<>(inView);
        for (int l = 0; l < layers.size(); l++) {
            XYChart<Object, Object> layer = layers.get(l);
            Object categoryAxis = categoriesOnY ? layer.getYAxis() : layer.getXAxis();
            CategoryAxis categories = (CategoryAxis) categoryAxis;
            categories.setAutoRanging(false);
            categories.getCategories().setAll(inView);
            List<List<XYChart.Data<Object, Object>>> ofLayer = points.get(l);
            for (int i = 0; i < ofLayer.size() && i < layer.getData().size(); i++) {
                List<XYChart.Data<Object, Object>> shown = new ArrayList<>();
                for (XYChart.Data<Object, Object> point : ofLayer.get(i)) {
                    if (kept.contains(String.valueOf(categoriesOnY ? point.getYValue() : point.getXValue()))) {
                        shown.add(point);
                    }
                }
                layer.getData().get(i).getData().setAll(shown);
            }
        }
    }

    private double along(Point2D local) {
        return categoriesOnY ? local.getY() : local.getX();
    }

    private boolean inPlot(double sceneX, double sceneY) {
        return PlotPointer.inPlot(chart, sceneX, sceneY);
    }
}
