package io.sightline.desktop.visualization.chart;

import io.sightline.desktop.visualization.render.WheelZoom;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Zoom and pan over a heatmap's cells, as {@link CategoryAxesZoom} over a chart's categories but along both of its
 * category axes: the wheel shows a window of fewer columns and rows around the cell under the pointer (forward: in;
 * Ctrl + wheel in a dashboard, {@link WheelZoom}), a drag moves the window by the cells the pointer moved over, a
 * double click shows every cell again. The cells in the window share the drawing, so they grow as it narrows.
 */
final class HeatmapZoom {

    /** How much one wheel notch narrows the window. */
    private static final double NOTCH = 0.8;
    /** The fewest columns or rows a zoom shows. */
    private static final int FEWEST = 2;

    private final HeatmapCells cells;
    private Point2D pressed;
    private int columnAtPress;
    private int rowAtPress;

    private HeatmapZoom(HeatmapCells cells) {
        this.cells = cells;
    }

    static void attach(HeatmapCells cells) {
        HeatmapZoom zoom = new HeatmapZoom(cells);
        cells.addEventHandler(ScrollEvent.SCROLL, zoom::wheel);
        cells.addEventHandler(MouseEvent.MOUSE_PRESSED, zoom::press);
        cells.addEventHandler(MouseEvent.MOUSE_DRAGGED, zoom::drag);
        cells.addEventHandler(MouseEvent.MOUSE_CLICKED, zoom::click);
    }

    private void wheel(ScrollEvent event) {
        if (event.getDeltaY() == 0 || !WheelZoom.zooms(event, cells)) {
            return;
        }
        Point2D at = cells.sceneToLocal(event.getSceneX(), event.getSceneY());
        HeatmapCells.Cell under = cells.cellAt(at.getX(), at.getY()).orElse(null);
        if (under == null) {
            return;
        }
        double notches = PlotPointer.notches(event);
        Rectangle2D plot = cells.plot();
        // where the pointer is in the window: the share of it left of the pointer, and below it (the first row is at
        // the bottom)
        double across = (at.getX() - plot.getMinX()) / plot.getWidth();
        double up = (plot.getMaxY() - at.getY()) / plot.getHeight();
        int[] columns = zoomed(cells.columnFrom(), cells.columnTo(), cells.columns(), under.column(), across, notches);
        int[] rows = zoomed(cells.rowFrom(), cells.rowTo(), cells.rows(), under.row(), up, notches);
        cells.show(columns[0], columns[1], rows[0], rows[1]);
        event.consume();
    }

    /**
     * The window {@code from} to {@code to} of {@code all}, narrowed (or widened) by {@code notches} around
     * {@code anchor}, the cell under the pointer, {@code share} of the way along the window: it stays under it.
     */
    static int[] zoomed(int from, int to, int all, int anchor, double share, double notches) {
        int shown = to - from;
        int wanted = (int) Math.round(shown * Math.pow(NOTCH, notches));
        if (notches > 0 && wanted >= shown) {
            wanted = shown - 1; // a notch on a few cells still takes one away
        }
        wanted = Math.max(Math.min(FEWEST, all), Math.min(all, wanted));
        // the first cell in view such that the pointer, share * wanted cells into the window, is over the anchor
        return within((int) Math.ceil(anchor - Math.max(0, Math.min(1, share)) * wanted - 1e-9), wanted, all);
    }

    private static int[] within(int start, int count, int all) {
        int first = Math.max(0, Math.min(all - count, start));
        return new int[] {first, first + count};
    }

    private void press(MouseEvent event) {
        Point2D at = cells.sceneToLocal(event.getSceneX(), event.getSceneY());
        if (event.getButton() == MouseButton.PRIMARY && cells.plot().contains(at)) {
            pressed = at;
            columnAtPress = cells.columnFrom();
            rowAtPress = cells.rowFrom();
        } else {
            pressed = null;
        }
    }

    private void drag(MouseEvent event) {
        int shownColumns = cells.columnTo() - cells.columnFrom();
        int shownRows = cells.rowTo() - cells.rowFrom();
        Rectangle2D plot = cells.plot();
        if (pressed == null || shownColumns == cells.columns() && shownRows == cells.rows() || plot.getWidth() <= 0
                || plot.getHeight() <= 0) {
            return;
        }
        Point2D at = cells.sceneToLocal(event.getSceneX(), event.getSceneY());
        // the cells follow the pointer: dragged left, the columns to the right come in; dragged down, the rows
        // above (the first row is at the bottom)
        int columnShift = (int) Math.round(-(at.getX() - pressed.getX()) / (plot.getWidth() / shownColumns));
        int rowShift = (int) Math.round((at.getY() - pressed.getY()) / (plot.getHeight() / shownRows));
        int[] columns = within(columnAtPress + columnShift, shownColumns, cells.columns());
        int[] rows = within(rowAtPress + rowShift, shownRows, cells.rows());
        cells.show(columns[0], columns[1], rows[0], rows[1]);
        event.consume();
    }

    private void click(MouseEvent event) {
        Point2D at = cells.sceneToLocal(event.getSceneX(), event.getSceneY());
        if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && cells.plot().contains(at)) {
            cells.show(0, cells.columns(), 0, cells.rows());
            event.consume();
        }
    }
}
