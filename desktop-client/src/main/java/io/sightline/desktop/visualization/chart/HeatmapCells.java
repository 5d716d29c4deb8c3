package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.Heatmap;
import io.sightline.common.visualization.HslScale;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.map.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import io.sightline.desktop.visualization.SvgExport;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A heatmap's cells drawn on one {@link Canvas} (redrawn when the layer is resized) instead of a node per cell, with
 * the y values as labels down the left (the first at the bottom, as plotly draws them) and the x values along the
 * bottom. One tooltip names the cell under the mouse. Its {@linkplain #cells() cells} say what is drawn where, and
 * {@link #svg()} writes them as vector rects and texts for the SVG export. It may show a window of its columns and
 * rows ({@link #show}, {@link HeatmapZoom}): those share the whole drawing, the others are not drawn.
 */
public final class HeatmapCells extends Region {

    /** A drawn cell: its x and y values, its value, fill ({@code #rrggbb}) and the text written in it ("" if none). */
    public record Cell(int column, int row, String x, String y, double value, String fill, String text,
                       String textFill) {
    }

    private static final double MIN_CELL = 8;

    private final List<Cell> cells = new ArrayList<>();
    private final Color[] fills;
    private final Color[] textFills;
    private final int columns;
    private final int rows;
    private final double gap;
    private final String format;
    private final Canvas canvas = new Canvas();
    private final List<Label> yLabels = new ArrayList<>();
    private final List<Label> xLabels = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    /**
     * Never shown: the style sheet's {@code .heatmap-cell-text} rule styles it, and the canvas writes the cells' texts in
     * its font, so the style sheet alone says how they look.
     */
    private final Text fontProbe = new Text();
    private Font font = fontProbe.getFont();
    private double cellWidth;
    private double cellHeight;
    private double drawnWidth = -1;
    private double drawnHeight = -1;
    // the window shown: columns and rows from (inclusive) to (exclusive)
    private int columnFrom;
    private int columnTo;
    private int rowFrom;
    private int rowTo;
    private boolean windowMoved;

    HeatmapCells(Heatmap heatmap, String format, boolean labels, double gap) {
        this.columns = heatmap.xs().size();
        this.rows = heatmap.ys().size();
        this.gap = gap;
        this.format = format;
        this.columnTo = columns;
        this.rowTo = rows;
        for (int yi = 0; yi < rows; yi++) {
            List<Double> values = heatmap.z().get(yi);
            for (int xi = 0; xi < values.size(); xi++) {
                double value = values.get(xi);
                Rgb fill = heatmap.color(value);
                cells.add(new Cell(xi, yi, heatmap.xs().get(xi), heatmap.ys().get(yi), value, fill.hex(),
                        labels ? NumberFormat.format(value, format) : "", HslScale.textOn(fill).hex()));
            }
        }
        fills = cells.stream().map(c -> Color.web(c.fill())).toArray(Color[]::new);
        textFills = cells.stream().map(c -> Color.web(c.textFill())).toArray(Color[]::new);
        getStyleClass().add("heatmap-cells");
        canvas.getStyleClass().add("heatmap-canvas");
        fontProbe.getStyleClass().add("heatmap-cell-text");
        fontProbe.setVisible(false);
        fontProbe.setManaged(false);
        fontProbe.fontProperty().addListener((obs, old, styled) -> requestLayout());
        getChildren().addAll(canvas, fontProbe);
        for (String y : heatmap.ys()) {
            Label name = new Label(y);
            name.getStyleClass().add("heatmap-y-label");
            name.setAlignment(Pos.CENTER_LEFT);
            yLabels.add(name);
        }
        for (String x : heatmap.xs()) {
            Label name = new Label(x);
            name.getStyleClass().add("heatmap-x-label");
            name.setAlignment(Pos.CENTER);
            xLabels.add(name);
        }
        getChildren().addAll(yLabels);
        getChildren().addAll(xLabels);
        canvas.getProperties().put(SvgExport.VECTOR, (Supplier<String>) this::svg);
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> cellAt(e.getX() + canvas.getLayoutX(), e.getY() + canvas.getLayoutY())
                .ifPresent(c -> tooltip.setText(tooltip(c))));
    }

    /** Every cell, row by row from the first y. */
    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    /** The cells in the window shown, row by row from its first y. */
    public List<Cell> shownCells() {
        return cells.stream().filter(this::shown).toList();
    }

    private boolean shown(Cell cell) {
        return cell.column() >= columnFrom && cell.column() < columnTo && cell.row() >= rowFrom && cell.row() < rowTo;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int columnFrom() {
        return columnFrom;
    }

    int columnTo() {
        return columnTo;
    }

    int rowFrom() {
        return rowFrom;
    }

    int rowTo() {
        return rowTo;
    }

    /** The drawing (the canvas), in this layer's coordinates: where the zoom listens. */
    Rectangle2D plot() {
        return new Rectangle2D(canvas.getLayoutX(), canvas.getLayoutY(), canvas.getWidth(), canvas.getHeight());
    }

    /** Shows columns {@code columnFrom} to {@code columnTo} (exclusive) and rows {@code rowFrom} to {@code rowTo}. */
    void show(int columnFrom, int columnTo, int rowFrom, int rowTo) {
        if (columnFrom == this.columnFrom && columnTo == this.columnTo && rowFrom == this.rowFrom
                && rowTo == this.rowTo) {
            return;
        }
        this.columnFrom = columnFrom;
        this.columnTo = columnTo;
        this.rowFrom = rowFrom;
        this.rowTo = rowTo;
        windowMoved = true;
        requestLayout();
    }

    /** The cell drawn under a point of this layer (the gaps count as the cell to their left or below). */
    public Optional<Cell> cellAt(double x, double y) {
        double cx = x - canvas.getLayoutX();
        double cy = y - canvas.getLayoutY();
        if (cellWidth <= 0 || cellHeight <= 0 || cx < 0 || cy < 0 || cx >= canvas.getWidth()
                || cy >= canvas.getHeight()) {
            return Optional.empty();
        }
        int column = columnFrom + Math.min(columnTo - columnFrom - 1, (int) (cx / (cellWidth + gap)));
        int fromTop = Math.min(rowTo - rowFrom - 1, (int) (cy / (cellHeight + gap)));
        return Optional.of(cells.get((rowTo - 1 - fromTop) * columns + column));
    }

    /** Where a cell is drawn, in this layer's coordinates. */
    public Rectangle2D area(Cell cell) {
        int fromTop = rowTo - 1 - cell.row();
        return new Rectangle2D(canvas.getLayoutX() + (cell.column() - columnFrom) * (cellWidth + gap),
                canvas.getLayoutY() + fromTop * (cellHeight + gap), cellWidth, cellHeight);
    }

    /** The tooltip of a cell: its x and y values and its value. */
    public String tooltip(Cell cell) {
        return cell.x() + " \u00B7 " + cell.y() + ": " + NumberFormat.format(cell.value(), format);
    }

    /** The cells as SVG rects with their texts, in the canvas's coordinates (what {@link SvgExport} writes). */
    public String svg() {
        StringBuilder out = new StringBuilder();
        for (Cell cell : shownCells()) {
            Rectangle2D on = area(cell);
            Rectangle2D at = new Rectangle2D(on.getMinX() - canvas.getLayoutX(), on.getMinY() - canvas.getLayoutY(),
                    on.getWidth(), on.getHeight());
            out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                    + " fill=\"%s\"/>%n", at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight(), cell.fill()));
            if (!cell.text().isEmpty()) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\""
                                + " dominant-baseline=\"central\" font-family=\"%s\" font-size=\"%.1f\" fill=\"%s\">%s"
                                + "</text>%n", at.getMinX() + at.getWidth() / 2, at.getMinY() + at.getHeight() / 2,
                        escape(font.getFamily()), font.getSize(), cell.textFill(), escape(cell.text())));
            }
        }
        return out.toString();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + labelWidth() + columns * (MIN_CELL * 4 + gap) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + rows * (MIN_CELL * 3 + gap) + labelHeight() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + columns * 2 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + rows * 2 + snappedBottomInset();
    }

    private double labelWidth() {
        double widest = 0;
        for (Label label : yLabels) {
            widest = Math.max(widest, label.prefWidth(-1));
        }
        return Math.ceil(widest) + gap;
    }

    private static int step(double needed, double room) {
        return room <= 0 ? 1 : Math.max(1, (int) Math.ceil(needed / room));
    }

    private static double labelHeight(List<Label> labels) {
        double tallest = 0;
        for (Label label : labels) {
            tallest = Math.max(tallest, label.prefHeight(-1));
        }
        return tallest;
    }

    private static double widest(List<Label> labels) {
        double widest = 0;
        for (Label label : labels) {
            widest = Math.max(widest, label.prefWidth(-1));
        }
        return widest + 4;
    }

    private double labelHeight() {
        double tallest = 0;
        for (Label label : xLabels) {
            tallest = Math.max(tallest, label.prefHeight(-1));
        }
        return Math.ceil(tallest) + gap;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double labelWidth = Math.min(labelWidth(), width * 0.4);
        double labelHeight = Math.min(labelHeight(), height * 0.4);
        double plotWidth = Math.max(0, width - labelWidth);
        double plotHeight = Math.max(0, height - labelHeight);
        int shownColumns = columnTo - columnFrom;
        int shownRows = rowTo - rowFrom;
        cellWidth = Math.max(0, (plotWidth - gap * (shownColumns - 1)) / shownColumns);
        cellHeight = Math.max(0, (plotHeight - gap * (shownRows - 1)) / shownRows);
        canvas.relocate(left + labelWidth, top);
        // rows or columns narrower than their names: every step-th name, as an axis skips ticks
        int yStep = step(labelHeight(yLabels), cellHeight + gap);
        for (int yi = 0; yi < rows; yi++) {
            int fromTop = rowTo - 1 - yi;
            Label name = yLabels.get(yi);
            name.setVisible(yi >= rowFrom && yi < rowTo && (yi - rowFrom) % yStep == 0);
            double centre = top + fromTop * (cellHeight + gap) + cellHeight / 2;
            double nameHeight = Math.max(cellHeight, name.prefHeight(-1));
            name.resizeRelocate(left, centre - nameHeight / 2, labelWidth - gap, nameHeight);
        }
        int xStep = step(widest(xLabels), cellWidth + gap);
        for (int xi = 0; xi < columns; xi++) {
            Label name = xLabels.get(xi);
            name.setVisible(xi >= columnFrom && xi < columnTo && (xi - columnFrom) % xStep == 0);
            double centre = left + labelWidth + (xi - columnFrom) * (cellWidth + gap) + cellWidth / 2;
            double nameWidth = xStep > 1 ? Math.min(name.prefWidth(-1), xStep * (cellWidth + gap)) : cellWidth;
            name.resizeRelocate(centre - nameWidth / 2, top + plotHeight + gap, nameWidth, labelHeight - gap);
        }
        Font themed = fontProbe.getFont();
        if (plotWidth != drawnWidth || plotHeight != drawnHeight || !themed.equals(font) || windowMoved) {
            font = themed;
            windowMoved = false;
            canvas.setWidth(plotWidth);
            canvas.setHeight(plotHeight);
            redraw();
            drawnWidth = plotWidth;
            drawnHeight = plotHeight;
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (!shown(cell)) {
                continue;
            }
            double x = (cell.column() - columnFrom) * (cellWidth + gap);
            double y = (rowTo - 1 - cell.row()) * (cellHeight + gap);
            g.setFill(fills[i]);
            g.fillRect(x, y, cellWidth, cellHeight);
            if (!cell.text().isEmpty()) {
                g.setFill(textFills[i]);
                g.fillText(cell.text(), x + cellWidth / 2, y + cellHeight / 2, cellWidth);
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
