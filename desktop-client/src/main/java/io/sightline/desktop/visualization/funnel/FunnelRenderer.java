package io.sightline.desktop.visualization.funnel;

import io.sightline.common.visualization.FunnelOptions;
import io.sightline.common.visualization.FunnelSteps;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * {@code FUNNEL}: Redash's funnel table ({@link FunnelSteps}): each step, its value on a centred bar as wide as its
 * share of the largest value, its percent of the largest ("% Max") and of the step before ("% Previous", on a bar
 * as wide as its share of the largest such percent).
 */
public final class FunnelRenderer implements VisualizationRenderer {

    /** A bar's width as a share (0–1) of its cell, read by tests. */
    public static final String SHARE = "funnel.share";

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        FunnelOptions options = new FunnelOptions(saved);
        FunnelSteps funnel = FunnelSteps.of(result, options);
        if (funnel.steps().isEmpty()) {
            return Notes.inPlaceOfDrawing("Choose the step and value columns of the funnel.");
        }
        GridPane grid = new GridPane();
        grid.setId("funnel-grid");
        grid.getStyleClass().add("funnel-table");
        for (double percent : new double[] {25, 45, 15, 15}) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(percent);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        grid.addRow(0, header(options.stepTitle(), HPos.LEFT), header(options.valueTitle(), HPos.CENTER),
                header("% Max", HPos.CENTER), header("% Previous", HPos.CENTER));
        int r = 1;
        for (FunnelSteps.Step step : funnel.steps()) {
            Label name = new Label(step.step());
            name.getStyleClass().add("funnel-step");
            name.setTooltip(new Tooltip(step.step()));
            Label max = new Label(options.percentText(step.percentOfMax()));
            max.getStyleClass().add("funnel-percent-max");
            GridPane.setHalignment(max, HPos.CENTER);
            double previousShare = funnel.largestOfPrevious() > 0 && Double.isFinite(step.percentOfPrevious())
                    ? step.percentOfPrevious() / funnel.largestOfPrevious() : 0;
            grid.addRow(r++, name,
                    bar(options.valueText(step.value()), step.percentOfMax() / 100, "funnel-value-bar"),
                    max, bar(options.percentText(step.percentOfPrevious()), previousShare, "funnel-previous-bar"));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("funnel-visualization");
        return scroll;
    }

    private static Label header(String text, HPos alignment) {
        Label label = new Label(text);
        label.getStyleClass().add("funnel-header");
        GridPane.setHalignment(label, alignment);
        return label;
    }

    /** A bar centred in its cell, {@code share} of the cell wide, with its text over it. */
    private static StackPane bar(String text, double share, String styleClass) {
        double clamped = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
        Region bar = new Region();
        bar.getStyleClass().addAll("funnel-bar", styleClass);
        bar.getProperties().put(SHARE, clamped);
        bar.setMinWidth(0);
        StackPane cell = new StackPane(bar, new Label(text));
        cell.getStyleClass().add("funnel-bar-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setMinWidth(0);
        cell.setPrefWidth(0);
        bar.maxWidthProperty().bind(cell.widthProperty().multiply(clamped));
        bar.prefWidthProperty().bind(bar.maxWidthProperty());
        bar.setMaxHeight(Double.MAX_VALUE);
        ((Label) cell.getChildren().get(1)).getStyleClass().add("funnel-bar-text");
        return cell;
    }
}
