package io.sightline.desktop.visualization.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.flow.SunburstTree;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.SvgExport;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The sunburst of known paths: segment angles are shares of the whole, rings nest, the exit is a gap. */
class SunburstRendererTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<Path> segments(Parent root) {
        return RendererFx.fx(() -> RendererFx.all(root, "sunburst-segment").stream().map(Path.class::cast).toList());
    }

    private static String name(Path p) {
        return ((SunburstTree.Segment) p.getProperties().get(SunburstRenderer.SEGMENT)).path().toString();
    }

    /** The angle, clockwise from 12 o'clock in degrees, of a point seen from the centre. */
    private static double angle(double x, double y, double cx, double cy) {
        double degrees = Math.toDegrees(Math.atan2(x - cx, cy - y));
        return degrees < -1e-6 ? degrees + 360 : degrees;
    }

    @Test
    void eachSegmentSpansItsShareOfTheCircleAndTheRingsNest() throws Exception {
        Parent root = RendererFx.show(new SunburstRenderer(), Map.of(), FlowSamples.paths());

        List<Path> segments = segments(root);
        assertThat(segments).extracting(SunburstRendererTest::name)
                .containsExactly("[a]", "[a, b]", "[a, c]", "[d]");
        // the centre: the middle of the first ring's full width (a and d together close the circle)
        double[] centre = RendererFx.fx(() -> {
            Bounds all = segments.get(0).getParent().getLayoutBounds();
            return new double[] {(all.getMinX() + all.getMaxX()) / 2, (all.getMinY() + all.getMaxY()) / 2};
        });
        double[][] expected = {{0, 300}, {0, 180}, {180, 270}, {300, 360}};
        for (int i = 0; i < segments.size(); i++) {
            Path p = segments.get(i);
            MoveTo from = (MoveTo) p.getElements().get(0);
            ArcTo to = (ArcTo) p.getElements().get(1);
            assertThat(angle(from.getX(), from.getY(), centre[0], centre[1]))
                    .as("start of %s", name(p)).isCloseTo(expected[i][0], within(0.5));
            double end = angle(to.getX(), to.getY(), centre[0], centre[1]);
            assertThat(Math.abs(end) < 1e-6 ? 360 : end).as("end of %s", name(p)).isCloseTo(expected[i][1], within(0.5));
        }
        double innerRing = RendererFx.fx(() -> ((ArcTo) segments.get(0).getElements().get(1)).getRadiusX());
        double outerRing = RendererFx.fx(() -> ((ArcTo) segments.get(1).getElements().get(1)).getRadiusX());
        assertThat(outerRing / innerRing).as("d3's square-root rings: sqrt(3/3) / sqrt(2/3)")
                .isCloseTo(Math.sqrt(3 / 2.0), within(1e-9));
    }

    @Test
    void theTooltipGivesThePathAndItsShare() throws Exception {
        Parent root = RendererFx.show(new SunburstRenderer(), Map.of(), FlowSamples.paths());

        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) segments(root).get(2).getProperties()
                .get("javafx.scene.control.Tooltip");
        assertThat(tip.getText()).isEqualTo("a \u203a c\n25.0% (3 of 12)\nStage: 2");
    }

    @Test
    void exportsTheRingsAsSvgArcs() throws Exception {
        Parent root = RendererFx.show(new SunburstRenderer(), Map.of(), FlowSamples.paths());

        String svg = RendererFx.fx(() -> SvgExport.svg(root));

        assertThat(svg.split("<path", -1)).hasSize(5);
        assertThat(svg).contains(" A").contains("fill=\"#ff7f0e\"");
    }

    @Test
    void hoveringASegmentNamesItsPathAndShareAndFadesTheSegmentsOffIt() throws Exception {
        Parent root = RendererFx.show(new SunburstRenderer(), Map.of(), FlowSamples.paths());
        List<Path> segments = segments(root);

        RendererFx.fx(() -> {
            Path c = segments.get(2);
            Bounds b = c.getBoundsInLocal();
            c.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED,
                    b.getCenterX(), b.getCenterY(), 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false,
                    false, false, false, false, false, false, false, false, null));
            return null;
        });

        String crumbs = RendererFx.fx(() -> ((javafx.scene.text.Text) root.lookup(".sunburst-path")).getText());
        assertThat(crumbs).isEqualTo("a \u203a c   25.0%");
        assertThat(RendererFx.fx(() -> segments.stream().map(Path::getOpacity).toList()))
                .as("a and a › c stay, a › b and d fade").containsExactly(1.0, 0.3, 1.0, 0.3);
    }
}
