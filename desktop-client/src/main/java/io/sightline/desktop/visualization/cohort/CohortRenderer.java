package io.sightline.desktop.visualization.cohort;

import io.sightline.common.visualization.CohortOptions;
import io.sightline.common.visualization.CohortTable;
import io.sightline.common.visualization.HslScale;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.Rgb;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * {@code COHORT}: Redash's cohort table ({@link CohortTable}): a row per cohort with its date and size, then per
 * stage the share that stayed, coloured by its class between {@code colors.min} and {@code colors.max}
 * ({@link CohortCells} draws it).
 */
public final class CohortRenderer implements VisualizationRenderer {

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        CohortOptions options = new CohortOptions(saved);
        CohortTable table = CohortTable.of(result, options);
        if (table.rows().isEmpty()) {
            return Notes.inPlaceOfDrawing("Not enough data: the cohort needs its date, stage, total and value columns.");
        }
        HslScale colors = options.colorScale();
        String numberFormat = options.string("numberFormat");
        List<String> headers = new ArrayList<>(List.of(options.string("timeColumnTitle"),
                options.string("peopleColumnTitle")));
        for (int stage = 1; stage < table.width(); stage++) {
            headers.add(options.stageTitle(stage));
        }
        List<String> times = new ArrayList<>();
        List<String> people = new ArrayList<>();
        List<CohortCells.Cell> cells = new ArrayList<>();
        for (int row = 0; row < table.rows().size(); row++) {
            times.add(options.timeLabel(table.initialDate(), row));
            people.add(NumberFormat.format(table.rows().get(row).get(0), numberFormat));
            for (int stage = 1; stage < table.width(); stage++) {
                cells.add(cell(table, options, colors, row, stage, numberFormat));
            }
        }
        CohortCells drawing = new CohortCells(cells, table.width() - 1, headers, times, people,
                options.bool("showTooltips") && options.percentValues());
        drawing.setId("cohort-grid");
        ScrollPane scroll = new ScrollPane(drawing);
        scroll.getStyleClass().add("cohort-visualization");
        InvalidationListener inView = obs -> drawing.setView(inView(scroll, drawing));
        scroll.hvalueProperty().addListener(inView);
        scroll.vvalueProperty().addListener(inView);
        scroll.viewportBoundsProperty().addListener(inView);
        drawing.layoutBoundsProperty().addListener(inView);
        return scroll;
    }

    /** The part of the table the scroll pane shows, in the table's coordinates. */
    private static Bounds inView(ScrollPane scroll, CohortCells table) {
        Bounds viewport = scroll.getViewportBounds();
        Bounds content = table.getLayoutBounds();
        double x = offset(scroll.getHvalue(), scroll.getHmin(), scroll.getHmax(), content.getWidth(), viewport.getWidth());
        double y = offset(scroll.getVvalue(), scroll.getVmin(), scroll.getVmax(), content.getHeight(),
                viewport.getHeight());
        return new BoundingBox(x, y, viewport.getWidth(), viewport.getHeight());
    }

    private static double offset(double value, double min, double max, double content, double viewport) {
        return max > min ? (value - min) / (max - min) * Math.max(0, content - viewport) : 0;
    }

    private static CohortCells.Cell cell(CohortTable table, CohortOptions options, HslScale colors, int row,
                                         int stage, String numberFormat) {
        Double percent = table.percent(row, stage);
        Double value = table.value(row, stage);
        String text = options.cellText(percent, value);
        if (percent == null) {
            return new CohortCells.Cell(row, stage, text, null, null, null);
        }
        Rgb fill = colors.color(percent);
        // the scale's colours are the options' own, in both themes: the text takes the one that reads on them
        return new CohortCells.Cell(row, stage, text, fill.hex(), HslScale.textOn(fill).hex(),
                NumberFormat.format(value == null ? 0 : value, numberFormat));
    }
}
