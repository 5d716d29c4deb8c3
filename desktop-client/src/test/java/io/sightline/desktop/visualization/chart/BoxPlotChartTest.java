package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A box chart of known values: where its box, median, whiskers and outliers are drawn. */
class BoxPlotChartTest {

    /** Store A: 1..9 and 40 (q1 3.25, median 5.5, q3 7.75, whiskers 1 and 9, 40 an outlier); B: 10, 20, 30. */
    private static ResultData baskets() {
        List<Object[]> rows = new ArrayList<>();
        for (int v = 1; v <= 9; v++) {
            rows.add(new Object[] {"A", v});
        }
        rows.add(new Object[] {"A", 40});
        rows.add(new Object[] {"B", 30});
        rows.add(new Object[] {"B", 10});
        rows.add(new Object[] {"B", 20});
        return RendererFx.result(List.of(new ResultColumn("store", "string"), new ResultColumn("basket", "integer")),
                rows.toArray(Object[][]::new));
    }

    private static javafx.scene.SnapshotParameters transparent() {
        javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
        parameters.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return parameters;
    }

    private static final Map<String, Object> OPTIONS = Map.of("globalSeriesType", "box",
            "columnMapping", Map.of("store", "x", "basket", "y"));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsTheQuartileBoxMedianWhiskersAndOutlierAtTheirValues() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, baskets());

        List<Node> boxes = RendererFx.all(root, "box-quartiles");
        assertThat(boxes).as("one box per store").hasSize(2);
        Rectangle a = (Rectangle) boxes.get(0);
        Rectangle b = (Rectangle) boxes.get(1);
        assertThat(a.getX()).as("A's box left of B's").isLessThan(b.getX());
        // a linear axis: pixel offsets in proportion to value offsets, whatever the axis range
        double q3 = a.getY();
        double q1 = a.getY() + a.getHeight();
        double pixelsPerUnit = (q1 - q3) / (7.75 - 3.25);
        assertThat(pixelsPerUnit).as("values grow upwards").isPositive();
        Line median = (Line) RendererFx.all(root, "box-median").get(0);
        assertThat(median.getStartY()).isCloseTo(q1 - (5.5 - 3.25) * pixelsPerUnit, within(0.5));
        Line whisker = (Line) RendererFx.all(root, "box-whisker").get(0);
        assertThat(Math.min(whisker.getStartY(), whisker.getEndY())).as("upper whisker at 9")
                .isCloseTo(q1 - (9 - 3.25) * pixelsPerUnit, within(0.5));
        assertThat(Math.max(whisker.getStartY(), whisker.getEndY())).as("lower whisker at 1")
                .isCloseTo(q1 + (3.25 - 1) * pixelsPerUnit, within(0.5));
        List<Node> canvases = RendererFx.all(root, "box-outliers");
        assertThat(canvases).as("the outliers on one canvas").hasSize(1);
        BoxOutliers canvas = (BoxOutliers) canvases.get(0);
        List<BoxOutliers.Dot> outliers = RendererFx.fx(canvas::dots);
        assertThat(outliers).as("only 40 is beyond a whisker").extracting(BoxOutliers.Dot::value).containsExactly(40.0);
        BoxOutliers.Dot forty = outliers.get(0);
        assertThat(forty.y()).isCloseTo(q1 - (40 - 3.25) * pixelsPerUnit, within(0.5));
        assertThat(forty.x()).as("above A's box").isCloseTo(a.getX() + a.getWidth() / 2, within(0.5));
        assertThat(forty.stroke()).as("in A's colour").isEqualTo(a.getStroke());
        // on the screen: the ring's edge is drawn in A's colour, its centre left empty
        javafx.scene.image.WritableImage shot = RendererFx.fx(() -> canvas.snapshot(transparent(), null));
        javafx.scene.paint.Color edge = shot.getPixelReader().getColor((int) Math.round(forty.x()),
                (int) Math.round(forty.y() - BoxOutliers.RADIUS));
        javafx.scene.paint.Color centre = shot.getPixelReader().getColor((int) Math.round(forty.x()),
                (int) Math.round(forty.y()));
        assertThat(edge.getOpacity()).as("the ring drawn").isGreaterThan(0.3);
        assertThat(centre.getOpacity()).as("an open ring").isLessThan(0.1);
        assertThat(b.getY()).as("B's q3 (25) above A's (7.75)").isCloseTo(q1 - (25 - 3.25) * pixelsPerUnit,
                within(0.5));
        assertThat(RendererFx.all(root, "muted")).as("no 'not supported' note").isEmpty();
    }
}
