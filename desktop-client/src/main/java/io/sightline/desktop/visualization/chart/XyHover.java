package io.sightline.desktop.visualization.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseEvent;

/**
 * The tooltip of a line, area, scatter or bubble chart drawn by javafx.scene.chart: the point nearest the pointer,
 * within {@link HoverTooltip#REACH} pixels, names its series, its x and its value, as a bar's tooltip does. A line drawn
 * without symbols has no node per point to hold a tooltip, so the chart finds the point itself.
 */
final class XyHover {

    /** A point where its tooltip belongs: its values on the chart's x and y axes, and what the tooltip says. */
    private record Spot(Object x, Object y, String text) {
    }

    private final XYChart<?, ?> chart;
    private final List<Spot> spots = new ArrayList<>();
    private final HoverTooltip tooltip = new HoverTooltip();
    /** True once a combo chart answers for this layer's points ({@link #together}). */
    private boolean shared;

    private XyHover(XYChart<?, ?> chart) {
        this.chart = chart;
    }

    static XyHover attach(XYChart<?, ?> chart) {
        XyHover hover = new XyHover(chart);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, hover::moved);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.tooltip.hide());
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> hover.tooltip.hide());
        return hover;
    }

    /** A point's tooltip, at these values of the chart's x and y axes (for a stacked area: the top of its band). */
    void add(Object x, Object y, String text) {
        spots.add(new Spot(x, y, text));
    }

    /**
     * The hovers of a combo chart's layers ({@link ComboChart}), laid over each other in {@code pane}, as one: the
     * pointer only reaches the layer on top, so the pane finds the point nearest it among every layer's points and
     * shows it in one tooltip.
     */
    static void together(Node pane, List<? extends XYChart<?, ?>> layers) {
        List<XyHover> hovers = new ArrayList<>();
        for (XYChart<?, ?> layer : layers) {
            if (layer.getProperties().get(XyHover.class) instanceof XyHover hover) {
                hover.shared = true;
                hovers.add(hover);
            }
        }
        if (hovers.isEmpty()) {
            return;
        }
        HoverTooltip tooltip = hovers.get(0).tooltip;
        pane.addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            XyHover bestHover = null;
            Spot best = null;
            double bestDistance = HoverTooltip.REACH * HoverTooltip.REACH;
            for (XyHover hover : hovers) {
                Node plot = PlotPointer.plot(hover.chart);
                Point2D at = plot == null ? null : plot.sceneToLocal(event.getSceneX(), event.getSceneY());
                Spot spot = at != null && plot.contains(at) ? hover.nearest(at) : null;
                double distance = spot == null ? Double.POSITIVE_INFINITY : hover.position(spot).distance(at);
                if (distance * distance <= bestDistance) {
                    bestHover = hover;
                    best = spot;
                    bestDistance = distance * distance;
                }
            }
            if (best == null) {
                tooltip.hide();
            } else {
                tooltip.show(pane, PlotPointer.plot(bestHover.chart).localToScreen(bestHover.position(best)),
                        best.text());
            }
        });
        pane.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.hide());
        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> tooltip.hide());
    }

    private void moved(MouseEvent event) {
        if (shared) {
            return;
        }
        Node plot = PlotPointer.plot(chart);
        if (plot == null) {
            return;
        }
        Point2D at = plot.sceneToLocal(event.getSceneX(), event.getSceneY());
        Spot nearest = plot.contains(at) ? nearest(at) : null;
        if (nearest == null) {
            tooltip.hide();
        } else {
            tooltip.show(chart, plot.localToScreen(position(nearest)), nearest.text());
        }
    }

    private Spot nearest(Point2D at) {
        Spot best = null;
        double bestDistance = HoverTooltip.REACH * HoverTooltip.REACH;
        for (Spot spot : spots) {
            Point2D p = position(spot);
            double dx = p.getX() - at.getX();
            double dy = p.getY() - at.getY();
            double distance = dx * dx + dy * dy;
            if (distance <= bestDistance) {
                best = spot;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Where a point is drawn, in the plot's coordinates (the axes' display positions). */
    @SuppressWarnings("unchecked")
    private Point2D position(Spot spot) {
        double x = ((Axis<Object>) chart.getXAxis()).getDisplayPosition(spot.x());
        double y = ((Axis<Object>) chart.getYAxis()).getDisplayPosition(spot.y());
        return new Point2D(x, y);
    }
}
