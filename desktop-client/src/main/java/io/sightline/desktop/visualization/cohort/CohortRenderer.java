package io.sightline.desktop.visualization.cohort;

import io.sightline.common.visualization.CohortOptions;
import io.sightline.common.visualization.CohortTable;
import io.sightline.common.visualization.HslScale;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.Rgb;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;

/**
 * {@code COHORT}: Redash's cohort table ({@link CohortTable}): a row per cohort with its date and size, then per
 * stage the share that stayed, coloured by its class between {@code colors.min} and {@code colors.max}.
 */
public final class CohortRenderer implements VisualizationRenderer {

    /** A cell's background, {@code #rrggbb}, read by tests. */
    public static final String FILL = "cohort.fill";
    /** A cell's value as its tooltip says it (when the table shows percentages and tooltips are on). */
    public static final String VALUE = "cohort.value";

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        CohortOptions options = new CohortOptions(saved);
        CohortTable table = CohortTable.of(result, options);
        if (table.rows().isEmpty()) {
            return Notes.inPlaceOfDrawing("Not enough data: the cohort needs its date, stage, total and value columns.");
        }
        HslScale colors = options.colorScale();
        GridPane grid = new GridPane();
        grid.setId("cohort-grid");
        grid.getStyleClass().add("cohort-table");
        grid.add(header(options.string("timeColumnTitle")), 0, 0);
        grid.add(header(options.string("peopleColumnTitle")), 1, 0);
        for (int stage = 1; stage < table.width(); stage++) {
            grid.add(header(options.stageTitle(stage)), stage + 1, 0);
        }
        for (int row = 0; row < table.rows().size(); row++) {
            Label time = new Label(options.timeLabel(table.initialDate(), row));
            time.getStyleClass().add("cohort-time");
            Label people = new Label(NumberFormat.format(table.rows().get(row).get(0), options.string("numberFormat")));
            people.getStyleClass().add("cohort-people");
            grid.add(time, 0, row + 1);
            grid.add(people, 1, row + 1);
            for (int stage = 1; stage < table.width(); stage++) {
                grid.add(cell(table, options, colors, row, stage), stage + 1, row + 1);
            }
        }
        if (options.bool("showTooltips") && options.percentValues()) {
            valueTooltip(grid);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.getStyleClass().add("cohort-visualization");
        return scroll;
    }

    private static Label cell(CohortTable table, CohortOptions options, HslScale colors, int row, int stage) {
        Double percent = table.percent(row, stage);
        Double value = table.value(row, stage);
        Label cell = new Label(options.cellText(percent, value));
        cell.getStyleClass().add("cohort-cell");
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setAlignment(Pos.CENTER);
        if (percent == null) {
            cell.getStyleClass().add("cohort-empty");
            return cell;
        }
        Rgb fill = colors.color(percent);
        cell.getProperties().put(FILL, fill.hex());
        // the scale's colours are the options' own, in both themes: the text takes the one that reads on them
        cell.setStyle("-fx-background-color: " + fill.hex() + "; -fx-text-fill: " + HslScale.textOn(fill).hex() + ";");
        cell.getProperties().put(VALUE, NumberFormat.format(value == null ? 0 : value, options.string("numberFormat")));
        return cell;
    }

    /**
     * One tooltip for the table, saying the value of the cell under the pointer: a {@link Tooltip} per cell (a popup
     * control each) took about a fifth of the time to draw 52 weekly cohorts and 25 MB (docs/performance.md).
     */
    private static void valueTooltip(GridPane grid) {
        Tooltip tooltip = new Tooltip();
        grid.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Object value = null;
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != grid && value == null;
                 n = n.getParent()) {
                value = n.getProperties().get(VALUE);
            }
            if (value == null) {
                Tooltip.uninstall(grid, tooltip);
            } else {
                tooltip.setText(value.toString());
                Tooltip.install(grid, tooltip);
            }
        });
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("cohort-header");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
