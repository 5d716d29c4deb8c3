package io.sightline.desktop.dashboard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Lays widgets out on Redash's grid: 12 columns sharing the width, rows of {@link #ROW_HEIGHT} pixels, each child
 * placed by the {@link WidgetViewModel.Position} kept in its properties under {@link #POSITION}.
 */
final class DashboardGrid extends Pane {

    static final int COLUMNS = 12;
    /** Redash's row height, in pixels. */
    static final double ROW_HEIGHT = 50;
    static final double GAP = 10;
    static final String POSITION = "dashboard.position";

    DashboardGrid() {
        setPadding(new Insets(GAP));
        getStyleClass().add("dashboard-grid");
    }

    static void place(Node node, WidgetViewModel.Position position) {
        node.getProperties().put(POSITION, position);
    }

    /** The width of one of the 12 columns now, in pixels. */
    double columnWidth() {
        Insets pad = getPadding();
        return Math.max(20, (getWidth() - pad.getLeft() - pad.getRight()) / COLUMNS);
    }

    @Override
    protected void layoutChildren() {
        Insets pad = getPadding();
        double column = columnWidth();
        for (Node child : getManagedChildren()) {
            if (child.getProperties().get(POSITION) instanceof WidgetViewModel.Position p) {
                int col = Math.min(Math.max(0, p.col()), COLUMNS - 1);
                int span = Math.min(p.sizeX(), COLUMNS - col);
                child.resizeRelocate(pad.getLeft() + col * column + GAP / 2, pad.getTop() + p.row() * ROW_HEIGHT
                        + GAP / 2, span * column - GAP, p.sizeY() * ROW_HEIGHT - GAP);
            }
        }
    }

    private double rows() {
        double rows = 0;
        for (Node child : getManagedChildren()) {
            if (child.getProperties().get(POSITION) instanceof WidgetViewModel.Position p) {
                rows = Math.max(rows, p.row() + p.sizeY());
            }
        }
        return rows;
    }

    @Override
    protected double computePrefHeight(double width) {
        return getPadding().getTop() + getPadding().getBottom() + rows() * ROW_HEIGHT;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 960;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 480;
    }
}
