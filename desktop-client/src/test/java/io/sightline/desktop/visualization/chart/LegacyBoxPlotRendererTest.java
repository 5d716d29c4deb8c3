package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Redash's deprecated BOXPLOT in the workbench: a box per column, its axis titles, a column of text as a gap. */
class LegacyBoxPlotRendererTest {

    /** Morning: 10, 20, 30, 40 (median 25); a text column; evening: 1, 2, 3, 4 (median 2.5). */
    private static final ResultData SHIFTS = RendererFx.result(List.of(new ResultColumn("morning", "float"),
                    new ResultColumn("note", "string"), new ResultColumn("evening", "float")),
            new Object[] {10.0, "a", 1.0}, new Object[] {20.0, "b", 2.0}, new Object[] {30.0, "c", 3.0},
            new Object[] {40.0, "d", 4.0});

    private static final Map<String, Object> OPTIONS = Map.of("xAxisLabel", "Shift", "yAxisLabel", "Minutes");

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsOneBoxPerColumnUnderTheSavedAxisTitles() throws Exception {
        assertThat(VisualizationRenderers.standard().draws("BOXPLOT")).isTrue();
        Parent root = RendererFx.show((o, r) -> VisualizationRenderers.standard().render("BOXPLOT", o, r), OPTIONS,
                SHIFTS);

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-boxplot");
        CategoryAxis columns = (CategoryAxis) chart.getXAxis();
        NumberAxis values = (NumberAxis) chart.getYAxis();
        assertThat(columns.getCategories()).as("every column has its place").containsExactly("morning", "note",
                "evening");
        assertThat(columns.getLabel()).isEqualTo("Shift");
        assertThat(values.getLabel()).isEqualTo("Minutes");
        assertThat(RendererFx.all(root, "visualization-note")).as("drawn, not 'not supported'").isEmpty();

        List<Double> places = RendererFx.fx(() -> List.of(columns.getDisplayPosition("morning"),
                columns.getDisplayPosition("note"), columns.getDisplayPosition("evening")));
        assertThat(places.get(1) - places.get(0)).as("the columns spread over the width, a third each")
                .isGreaterThan(RendererFx.WIDTH / 5.0);
        assertThat(places.get(2) - places.get(1)).isGreaterThan(RendererFx.WIDTH / 5.0);

        List<Node> boxes = RendererFx.all(root, "box-quartiles");
        assertThat(boxes).as("no box for the text column").hasSize(2);
        List<Node> medians = RendererFx.all(root, "box-median");
        double morning = RendererFx.fx(() -> {
            Line median = (Line) medians.get(0);
            return median.localToScene((median.getStartX() + median.getEndX()) / 2, median.getStartY()).getY();
        });
        double evening = RendererFx.fx(() -> {
            Line median = (Line) medians.get(1);
            return median.localToScene((median.getStartX() + median.getEndX()) / 2, median.getStartY()).getY();
        });
        assertThat(morning).as("the morning's median 25 at 25 on the value axis")
                .isCloseTo(RendererFx.fx(() -> values.localToScene(0, values.getDisplayPosition(25)).getY()),
                        within(1.0));
        assertThat(evening).as("the evening's median 2.5 at 2.5")
                .isCloseTo(RendererFx.fx(() -> values.localToScene(0, values.getDisplayPosition(2.5)).getY()),
                        within(1.0));
        double eveningBoxX = RendererFx.fx(() -> {
            Rectangle box = (Rectangle) boxes.get(1);
            return box.localToScene(box.getX() + box.getWidth() / 2, 0).getX();
        });
        assertThat(eveningBoxX).as("the evening's box over its own column, past the empty note column")
                .isCloseTo(RendererFx.fx(() -> columns.localToScene(columns.getDisplayPosition("evening"), 0).getX()),
                        within(2.0));
    }
}
