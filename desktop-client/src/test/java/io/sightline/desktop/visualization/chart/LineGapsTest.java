package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Redash's {@code missingValuesAsZero}: off, a line or area leaves a gap where its series has no value (plotly's
 * {@code connectgaps: false}), instead of a straight line from the point before to the point after; on (the
 * default), it goes down to 0 there.
 */
class LineGapsTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("x", "string"),
            new ResultColumn("series", "string"), new ResultColumn("value", "float"));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Five regions; "online" has no row for "c", "stores" one in each. */
    private static ResultData regions() {
        List<Object[]> rows = new ArrayList<>();
        String[] xs = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].equals("c")) {
                rows.add(new Object[] {xs[i], "online", 10.0 + i});
            }
            rows.add(new Object[] {xs[i], "stores", 5.0});
        }
        return RendererFx.result(COLUMNS, rows.toArray(Object[][]::new));
    }

    private static Map<String, Object> options(String type, boolean missingAsZero) {
        Map<String, Object> options = new HashMap<>();
        options.put("globalSeriesType", type);
        options.put("missingValuesAsZero", missingAsZero);
        options.put("columnMapping", Map.of("x", "x", "series", "series", "value", "y"));
        return options;
    }

    @Test
    void aLineLeavesAGapWhereItsSeriesHasNoValue() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("line", false), regions());

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        List<List<Point2D>> online = pieces((Path) chart.getData().get(0).getNode());
        double c = xAt(chart, "c");
        assertThat(online).as("a to b, then d to e").hasSize(2);
        assertThat(online.get(0)).extracting(Point2D::getX).containsExactly(xAt(chart, "a"), xAt(chart, "b"));
        assertThat(online.get(1)).extracting(Point2D::getX).containsExactly(xAt(chart, "d"), xAt(chart, "e"));
        assertThat(segments(online)).as("no stroke of online's line crosses c").noneMatch(s -> s[0] < c && s[1] > c);
        assertThat(pieces((Path) chart.getData().get(1).getNode())).as("stores, with a value at each x, is whole")
                .hasSize(1);
        assertThat(chart.getData()).as("still one series each: one legend entry, one colour").hasSize(2);
        assertThat(RendererFx.all(root, "chart-legend-item")).hasSize(2);
    }

    @Test
    void withMissingValuesAsZerosTheLineGoesThroughZero() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("line", true), regions());

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        List<List<Point2D>> online = pieces((Path) chart.getData().get(0).getNode());
        assertThat(online).as("one line").hasSize(1);
        Point2D atC = online.get(0).get(2);
        assertThat(atC.getX()).isCloseTo(xAt(chart, "c"), within(0.01));
        assertThat(atC.getY()).as("down to 0 at c").isCloseTo(yAt(chart, 0), within(0.01));
    }

    @Test
    void anAreaLeavesAGapAndFillsEachPieceDownToZero() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("area", false), regions());

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-area");
        Group online = (Group) chart.getData().get(0).getNode();
        Path fill = (Path) online.getChildren().get(0);
        Path line = (Path) online.getChildren().get(1);
        double c = xAt(chart, "c");
        assertThat(pieces(line)).hasSize(2);
        assertThat(segments(pieces(line))).noneMatch(s -> s[0] < c && s[1] > c);
        List<PathElement> fillElements = RendererFx.fx(() -> List.copyOf(fill.getElements()));
        assertThat(fillElements.stream().filter(e -> e instanceof ClosePath)).as("two filled pieces").hasSize(2);
        Bounds chartScene = RendererFx.fx(() -> fill.localToScene(fill.getBoundsInLocal()));
        Point2D gap = RendererFx.fx(() -> fill.localToScene(c, yAt(chart, 5)));
        assertThat(chartScene.contains(gap)).as("the fills' bounds span the gap").isTrue();
        assertThat(RendererFx.fx(() -> fill.contains(fill.sceneToLocal(gap)))).as("but nothing is filled at c")
                .isFalse();
        double ab = (xAt(chart, "a") + xAt(chart, "b")) / 2;
        Point2D betweenAAndB = RendererFx.fx(() -> fill.localToScene(ab, yAt(chart, 5)));
        assertThat(RendererFx.fx(() -> fill.contains(fill.sceneToLocal(betweenAAndB)))).as("between a and b it is")
                .isTrue();
    }

    @Test
    void aPointWithGapsOnBothSidesIsStillShownAsASymbol() throws Exception {
        // online: a, _, c, _, e (an area draws no symbols, so c alone would be invisible)
        ResultData result = RendererFx.result(COLUMNS, new Object[] {"a", "online", 1.0},
                new Object[] {"c", "online", 3.0}, new Object[] {"e", "online", 5.0},
                new Object[] {"a", "stores", 2.0}, new Object[] {"b", "stores", 2.0},
                new Object[] {"c", "stores", 2.0}, new Object[] {"d", "stores", 2.0},
                new Object[] {"e", "stores", 2.0});
        Parent root = RendererFx.show(new ChartRenderer(), options("area", false), result);

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-area");
        List<Node> symbols = RendererFx.all(root, "chart-area-symbol").stream()
                .filter(n -> n.getStyleClass().contains("series0") && !n.getStyleClass().contains("area-legend-symbol"))
                .toList();
        assertThat(symbols).as("a, c and e stand alone, each a symbol").hasSize(3);
        Node c = chart.getData().get(0).getData().get(1).getNode();
        assertThat(symbols).contains(c);
        Bounds at = RendererFx.fx(() -> c.localToScene(c.getBoundsInLocal()));
        Point2D expected = RendererFx.fx(() -> chart.getXAxis().localToScene(xAt(chart, "c"), 0));
        assertThat(at.getWidth()).as("visible").isGreaterThan(3);
        assertThat(at.getCenterX()).as("at c").isCloseTo(expected.getX(), within(1.0));
        assertThat(RendererFx.all(root, "chart-area-symbol").stream()
                .filter(n -> n.getStyleClass().contains("series1") && !n.getStyleClass().contains("area-legend-symbol")))
                .as("stores, a whole area, has none").isEmpty();
    }

    @Test
    void aDateLineKeepsItsGapWhenZoomed() throws Exception {
        List<ResultColumn> columns = List.of(new ResultColumn("day", "date"), new ResultColumn("series", "string"),
                new ResultColumn("value", "float"));
        List<Object[]> rows = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            if (day != 5) {
                rows.add(new Object[] {"2024-03-0" + day, "online", 10.0 + day});
            }
            rows.add(new Object[] {"2024-03-0" + day, "stores", 5.0});
        }
        Map<String, Object> options = options("line", false);
        options.put("columnMapping", Map.of("day", "x", "series", "series", "value", "y"));
        Parent root = RendererFx.show(new ChartRenderer(), options, RendererFx.result(columns,
                rows.toArray(Object[][]::new)));

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        Path online = (Path) chart.getData().get(0).getNode();
        assertThat(pieces(online)).hasSize(2);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        Node plot = chart.lookup(".chart-plot-background");
        Point2D middle = RendererFx.fx(() -> plot.localToScreen(plot.getLayoutBounds().getWidth() / 2,
                plot.getLayoutBounds().getHeight() / 2));
        double before = RendererFx.fx(() -> x.getUpperBound() - x.getLowerBound());
        new FxRobot().moveTo(middle).scroll(2, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(RendererFx.fx(() -> x.getUpperBound() - x.getLowerBound())).as("zoomed in").isLessThan(before);
        double fifth = RendererFx.fx(() -> x.getDisplayPosition(
                java.time.LocalDate.of(2024, 3, 5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()));
        assertThat(pieces(online)).as("still two pieces after the zoom's layout").hasSize(2);
        assertThat(segments(pieces(online))).noneMatch(s -> s[0] < fifth && s[1] > fifth);
    }

    @Test
    void aSwappedLineLeavesItsGapUpTheSide() throws Exception {
        Map<String, Object> options = options("line", false);
        options.put("swappedAxes", true);
        Parent root = RendererFx.show(new ChartRenderer(), options, regions());

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        List<List<Point2D>> online = pieces((Path) chart.getData().get(0).getNode());
        @SuppressWarnings("unchecked")
        double c = RendererFx.fx(() -> ((Axis<String>) chart.getYAxis()).getDisplayPosition("c"));
        assertThat(online).as("a to b, then d to e").hasSize(2);
        assertThat(online).allSatisfy(piece -> assertThat(piece).hasSize(2));
        for (List<Point2D> piece : online) {
            double low = Math.min(piece.get(0).getY(), piece.get(1).getY());
            double high = Math.max(piece.get(0).getY(), piece.get(1).getY());
            assertThat(low < c && high > c).as("no stroke crosses c's row").isFalse();
        }
    }

    @Test
    void barsKeepTheXOrderWhenTheFirstSeriesMissesAnX() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("column", false), regions());

        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-bars");
        assertThat(RendererFx.fx(() -> List.copyOf(((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                .getCategories()))).as("c in its place, not after e").containsExactly("a", "b", "c", "d", "e");
    }

    /** The path's pieces: the points joined by lines, each starting at a move. */
    static List<List<Point2D>> pieces(Path path) {
        return RendererFx.fx(() -> {
            List<List<Point2D>> pieces = new ArrayList<>();
            for (PathElement element : path.getElements()) {
                if (element instanceof MoveTo move) {
                    pieces.add(new ArrayList<>(List.of(new Point2D(move.getX(), move.getY()))));
                } else if (element instanceof LineTo line) {
                    List<Point2D> piece = pieces.get(pieces.size() - 1);
                    Point2D to = new Point2D(line.getX(), line.getY());
                    if (!piece.get(piece.size() - 1).equals(to)) { // JavaFX starts a path with a move and a line there
                        piece.add(to);
                    }
                }
            }
            return pieces;
        });
    }

    /** Each stroke drawn, as [left x, right x]. */
    private static List<double[]> segments(List<List<Point2D>> pieces) {
        List<double[]> segments = new ArrayList<>();
        for (List<Point2D> piece : pieces) {
            for (int i = 1; i < piece.size(); i++) {
                double a = piece.get(i - 1).getX();
                double b = piece.get(i).getX();
                segments.add(new double[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static double xAt(XYChart<?, ?> chart, String category) {
        return RendererFx.fx(() -> ((Axis<String>) chart.getXAxis()).getDisplayPosition(category));
    }

    @SuppressWarnings("unchecked")
    private static double yAt(XYChart<?, ?> chart, double value) {
        return RendererFx.fx(() -> ((Axis<Number>) chart.getYAxis()).getDisplayPosition(value));
    }
}
