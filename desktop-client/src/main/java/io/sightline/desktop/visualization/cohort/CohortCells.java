package io.sightline.desktop.visualization.cohort;

import io.sightline.desktop.visualization.SvgExport;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A cohort table as one region: the header row and each cohort's date and size are labels, the stage cells are drawn
 * on a canvas (a label per cell took about a second to draw 52 weekly cohorts, docs/performance.md). The canvas
 * covers only the cells in {@linkplain #setView view} of the enclosing scroll pane, and draws again as it scrolls:
 * a daily cohort of a year would be a canvas too large to make. How a cell looks comes from the style sheet's
 * {@code .cohort-cell} and {@code .cohort-empty} rules, read off two labels that are never shown.
 */
public final class CohortCells extends Region {

    /**
     * A stage cell: its row (cohort) and stage from 1, its text, its fill {@code #rrggbb} ({@code null} for a stage
     * the cohort has not reached, drawn as {@code .cohort-empty}), the text's colour on it, and the value its tooltip
     * gives ({@code null} for none).
     */
    public record Cell(int row, int stage, String text, String fill, String textFill, String value) {
    }

    private static final double GAP = 1;

    private final List<Cell> cells;
    private final int rows;
    private final int stages;
    private final Color[] fills;
    private final Color[] textFills;
    private final List<Label> headers;
    private final List<Label> times;
    private final List<Label> people;
    private final Canvas canvas = new Canvas();
    private final Label cellProbe = probe("cohort-cell");
    private final Label emptyProbe = probe("cohort-cell", "cohort-empty");
    private final Tooltip tooltip = new Tooltip();
    private final Map<String, Double> textWidths = new HashMap<>();
    private Font measuredFont;
    private Bounds view;
    private double timeWidth;
    private double peopleWidth;
    private double cellWidth;
    private double headerHeight;
    private double rowHeight;
    private Rectangle2D drawn;
    private boolean stale = true;

    /**
     * @param cells    row by row, the stages 1 to {@code stages} of each
     * @param headers  the time column's, the people column's, then each stage's title
     * @param times    each cohort's date; {@code people} its size
     * @param tooltips whether a cell's tooltip gives its value
     */
    CohortCells(List<Cell> cells, int stages, List<String> headers, List<String> times, List<String> people,
                boolean tooltips) {
        this.cells = List.copyOf(cells);
        this.rows = times.size();
        this.stages = stages;
        this.fills = new Color[cells.size()];
        this.textFills = new Color[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            fills[i] = cell.fill() == null ? null : Color.web(cell.fill());
            textFills[i] = cell.textFill() == null ? null : Color.web(cell.textFill());
        }
        this.headers = headers.stream().map(text -> label(text, "cohort-header", Pos.CENTER)).toList();
        this.times = times.stream().map(text -> label(text, "cohort-time", Pos.CENTER_LEFT)).toList();
        this.people = people.stream().map(text -> label(text, "cohort-people", Pos.CENTER_LEFT)).toList();
        getStyleClass().add("cohort-table");
        canvas.getStyleClass().add("cohort-canvas");
        getChildren().addAll(cellProbe, emptyProbe, canvas);
        getChildren().addAll(this.headers);
        getChildren().addAll(this.times);
        getChildren().addAll(this.people);
        cellProbe.fontProperty().addListener((obs, old, now) -> restyled());
        cellProbe.paddingProperty().addListener((obs, old, now) -> restyled());
        emptyProbe.backgroundProperty().addListener((obs, old, now) -> restyled());
        emptyProbe.textFillProperty().addListener((obs, old, now) -> restyled());
        canvas.getProperties().put(SvgExport.VECTOR, (Supplier<String>) this::svg);
        if (tooltips) {
            canvas.setOnMouseMoved(e -> showTooltip(cellAt(e.getX() + canvas.getLayoutX(),
                    e.getY() + canvas.getLayoutY()).map(Cell::value).orElse(null)));
            canvas.setOnMouseExited(e -> showTooltip(null));
        }
    }

    /** Every stage cell, row by row. */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * The part of this region in view (in its own coordinates), {@code null} for all of it: the canvas draws the
     * cells there alone.
     */
    public void setView(Bounds view) {
        this.view = view;
        requestLayout();
    }

    /** Where a cell is drawn, in this region's coordinates. */
    public Rectangle2D area(Cell cell) {
        return new Rectangle2D(stageX(cell.stage()), rowY(cell.row()), cellWidth, rowHeight);
    }

    /** The cell under a point of this region (a gap counts as the cell to its left or above). */
    public Optional<Cell> cellAt(double x, double y) {
        if (cellWidth <= 0 || rowHeight <= 0 || x < stageX(1) || y < rowY(0)) {
            return Optional.empty();
        }
        int stage = 1 + (int) ((x - stageX(1)) / (cellWidth + GAP));
        int row = (int) ((y - rowY(0)) / (rowHeight + GAP));
        return stage > stages || row >= rows ? Optional.empty() : Optional.of(cell(row, stage));
    }

    /** The cells as SVG rects with their texts, in the canvas's coordinates (what {@link SvgExport} writes). */
    public String svg() {
        StringBuilder out = new StringBuilder();
        Font font = cellProbe.getFont();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Rectangle2D at = area(cell);
            double x = at.getMinX() - canvas.getLayoutX();
            double y = at.getMinY() - canvas.getLayoutY();
            out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                    + " fill=\"%s\"/>%n", x, y, at.getWidth(), at.getHeight(), hex(fill(i))));
            out.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\""
                            + " dominant-baseline=\"central\" font-family=\"%s\" font-size=\"%.1f\" fill=\"%s\">%s</text>%n",
                    x + at.getWidth() / 2, y + at.getHeight() / 2, escape(font.getFamily()), font.getSize(),
                    hex(textFill(i)), escape(cell.text())));
        }
        return out.toString();
    }

    @Override
    protected double computePrefWidth(double height) {
        measure();
        return stageX(stages + 1) - GAP + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        measure();
        return rowY(rows) - GAP + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        measure();
        double top = snappedTopInset();
        double left = snappedLeftInset();
        headers.get(0).resizeRelocate(left, top, timeWidth, headerHeight);
        headers.get(1).resizeRelocate(left + timeWidth + GAP, top, peopleWidth, headerHeight);
        for (int stage = 1; stage <= stages; stage++) {
            headers.get(stage + 1).resizeRelocate(stageX(stage), top, cellWidth, headerHeight);
        }
        for (int row = 0; row < rows; row++) {
            times.get(row).resizeRelocate(left, rowY(row), timeWidth, rowHeight);
            people.get(row).resizeRelocate(left + timeWidth + GAP, rowY(row), peopleWidth, rowHeight);
        }
        Rectangle2D all = new Rectangle2D(stageX(1), rowY(0), Math.max(0, stageX(stages + 1) - GAP - stageX(1)),
                Math.max(0, rowY(rows) - GAP - rowY(0)));
        Rectangle2D shown = view == null ? all : intersection(all, view);
        if (stale || !shown.equals(drawn)) {
            canvas.relocate(shown.getMinX(), shown.getMinY());
            canvas.setWidth(shown.getWidth());
            canvas.setHeight(shown.getHeight());
            draw(shown);
            drawn = shown;
            stale = false;
        }
    }

    private void draw(Rectangle2D shown) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (shown.getWidth() <= 0 || shown.getHeight() <= 0) {
            return;
        }
        g.setFont(cellProbe.getFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double textRoom = Math.max(1, cellWidth - cellProbe.getPadding().getLeft() - cellProbe.getPadding().getRight());
        int firstStage = Math.max(1, 1 + (int) ((shown.getMinX() - stageX(1)) / (cellWidth + GAP)));
        int lastStage = Math.min(stages, 1 + (int) ((shown.getMaxX() - stageX(1)) / (cellWidth + GAP)));
        int firstRow = Math.max(0, (int) ((shown.getMinY() - rowY(0)) / (rowHeight + GAP)));
        int lastRow = Math.min(rows - 1, (int) ((shown.getMaxY() - rowY(0)) / (rowHeight + GAP)));
        for (int row = firstRow; row <= lastRow; row++) {
            for (int stage = firstStage; stage <= lastStage; stage++) {
                int i = row * stages + stage - 1;
                double x = stageX(stage) - shown.getMinX();
                double y = rowY(row) - shown.getMinY();
                g.setFill(fill(i));
                g.fillRect(x, y, cellWidth, rowHeight);
                g.setFill(textFill(i));
                g.fillText(cells.get(i).text(), x + cellWidth / 2, y + rowHeight / 2, textRoom);
            }
        }
    }

    /** The columns' widths and the rows' heights, from the labels and the cells' texts in the styled font. */
    private void measure() {
        timeWidth = widest(times, headers.get(0));
        peopleWidth = widest(people, headers.get(1));
        Font font = cellProbe.getFont();
        if (!font.equals(measuredFont)) {
            textWidths.clear();
            measuredFont = font;
        }
        Text text = new Text();
        text.setFont(font);
        double widestText = 0;
        for (Cell cell : cells) {
            widestText = Math.max(widestText, textWidths.computeIfAbsent(cell.text(), t -> {
                text.setText(t);
                return text.getLayoutBounds().getWidth();
            }));
        }
        double cell = Math.ceil(widestText + cellProbe.getPadding().getLeft() + cellProbe.getPadding().getRight());
        cellWidth = Math.max(cellProbe.getMinWidth() > 0 ? cellProbe.getMinWidth() : 0, cell);
        headerHeight = 0;
        for (int i = 0; i < headers.size(); i++) {
            headerHeight = Math.max(headerHeight, headers.get(i).prefHeight(-1));
            if (i > 1) {
                cellWidth = Math.max(cellWidth, Math.ceil(headers.get(i).prefWidth(-1)));
            }
        }
        rowHeight = Math.ceil(cellProbe.prefHeight(-1));
        for (int row = 0; row < rows; row++) {
            rowHeight = Math.max(rowHeight, Math.ceil(Math.max(times.get(row).prefHeight(-1),
                    people.get(row).prefHeight(-1))));
        }
        headerHeight = Math.ceil(headerHeight);
    }

    private double stageX(int stage) {
        return snappedLeftInset() + timeWidth + GAP + peopleWidth + GAP + (stage - 1) * (cellWidth + GAP);
    }

    private double rowY(int row) {
        return snappedTopInset() + headerHeight + GAP + row * (rowHeight + GAP);
    }

    private Cell cell(int row, int stage) {
        return cells.get(row * stages + stage - 1);
    }

    private Paint fill(int i) {
        if (fills[i] != null) {
            return fills[i];
        }
        return emptyProbe.getBackground() != null && !emptyProbe.getBackground().getFills().isEmpty()
                ? emptyProbe.getBackground().getFills().get(0).getFill() : Color.TRANSPARENT;
    }

    private Paint textFill(int i) {
        return textFills[i] != null ? textFills[i] : emptyProbe.getTextFill();
    }

    private void showTooltip(String value) {
        if (value == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(value);
            Tooltip.install(canvas, tooltip);
        }
    }

    private void restyled() {
        stale = true;
        requestLayout();
    }

    private static double widest(List<Label> labels, Label header) {
        double widest = header.prefWidth(-1);
        for (Label label : labels) {
            widest = Math.max(widest, label.prefWidth(-1));
        }
        return Math.ceil(widest);
    }

    private static Rectangle2D intersection(Rectangle2D all, Bounds view) {
        double minX = Math.floor(Math.max(all.getMinX(), view.getMinX()));
        double minY = Math.floor(Math.max(all.getMinY(), view.getMinY()));
        double maxX = Math.ceil(Math.min(all.getMaxX(), view.getMaxX()));
        double maxY = Math.ceil(Math.min(all.getMaxY(), view.getMaxY()));
        return new Rectangle2D(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static Label label(String text, String styleClass, Pos alignment) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setAlignment(alignment);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label probe(String... styleClasses) {
        Label probe = new Label("100.00%");
        probe.getStyleClass().addAll(styleClasses);
        probe.setVisible(false);
        probe.setManaged(false);
        return probe;
    }

    private static String hex(Paint paint) {
        return paint instanceof Color c ? String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)) : "none";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
