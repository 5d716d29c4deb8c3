package io.sightline.desktop.visualization.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.desktop.visualization.ImageExport;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.SvgExport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The sankey of a known result: a bar per shown node, ribbons as wide as their values, exits hidden. */
class SankeyRendererTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A ribbon's thickness where it leaves its source: from its first point down to where its outline returns. */
    private static double thickness(Path ribbon) {
        MoveTo start = (MoveTo) ribbon.getElements().get(0);
        CubicCurveTo back = (CubicCurveTo) ribbon.getElements().get(3);
        return back.getY() - start.getY();
    }

    private static Path ribbon(Parent root, String from, String to) {
        return RendererFx.fx(() -> RendererFx.all(root, "sankey-link").stream().map(Path.class::cast)
                .filter(p -> tooltipOf(p).startsWith(from + " \u2192 " + to + "\n"))
                .findFirst().orElseThrow());
    }

    private static String tooltipOf(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof javafx.scene.control.Tooltip t ? t.getText() : "";
    }

    @Test
    void drawsABarPerNodeAndRibbonsAsWideAsTheirValuesButNoExits() throws Exception {
        Parent root = RendererFx.show(new SankeyRenderer(), Map.of(), FlowSamples.visits());

        List<String> labels = RendererFx.fx(() -> RendererFx.all(root, "sankey-label").stream()
                .map(n -> ((Text) n).getText()).toList());
        assertThat(labels).containsExactlyInAnyOrder("home", "search", "blog", "pricing", "docs", "signup");
        assertThat(RendererFx.all(root, "sankey-node")).hasSize(6);
        assertThat(RendererFx.all(root, "sankey-link")).as("links into Exit are not drawn").hasSize(5);
        double homePricing = RendererFx.fx(() -> thickness(ribbon(root, "home", "pricing")));
        double blogPricing = RendererFx.fx(() -> thickness(ribbon(root, "blog", "pricing")));
        assertThat(homePricing / blogPricing).isCloseTo(15 / 2.0, within(1e-9));
        assertThat(tooltipOf(ribbon(root, "home", "pricing"))).isEqualTo("home \u2192 pricing\n15");
    }

    @Test
    void nodesAreAsTallAsTheirValueAndStagesAreColumnsFromLeftToRight() throws Exception {
        Parent root = RendererFx.show(new SankeyRenderer(), Map.of(), FlowSamples.visits());

        Map<String, Bounds> bars = RendererFx.fx(() -> {
            Map<String, Bounds> out = new java.util.HashMap<>();
            for (Node n : RendererFx.all(root, "sankey-node")) {
                out.put(tooltipOf(n).split("\n")[0], n.localToScene(n.getBoundsInLocal()));
            }
            return out;
        });
        // home flows 18 out, signup 15 in (and out, to its exit); the bars' half-pixel outline aside
        assertThat((bars.get("signup").getHeight() - 0.5) / (bars.get("home").getHeight() - 0.5))
                .isCloseTo(15 / 18.0, within(0.001));
        assertThat(bars.get("home").getMinX()).isLessThan(bars.get("pricing").getMinX());
        assertThat(bars.get("pricing").getMinX()).isLessThan(bars.get("signup").getMinX());
        assertThat(bars.get("signup").getMaxX()).isCloseTo(RendererFx.WIDTH - 10, within(1.0));
        assertThat(bars.get("docs").getMinX()).isEqualTo(bars.get("pricing").getMinX());
    }

    @Test
    void exportsAsPngAndSvg(@TempDir java.nio.file.Path dir) throws Exception {
        Parent root = RendererFx.show(new SankeyRenderer(), Map.of(), FlowSamples.visits());
        java.nio.file.Path png = dir.resolve("sankey.png");

        String svg = RendererFx.fx(() -> {
            ImageExport.writePng(root, png);
            return SvgExport.svg(root);
        });

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(RendererFx.WIDTH);
        Bounds home = RendererFx.fx(() -> {
            Node bar = RendererFx.all(root, "sankey-node").stream().filter(n -> tooltipOf(n).startsWith("home\n"))
                    .findFirst().orElseThrow();
            return bar.localToScene(bar.getBoundsInLocal());
        });
        int rgb = image.getRGB((int) home.getCenterX(), (int) home.getCenterY());
        // d3's first category20 colour, #1f77b4, at 90 % over the light background
        assertThat(new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff})
                .satisfies(c -> assertThat(c[2]).isGreaterThan(c[0] + 100));
        assertThat(svg.split("<path", -1)).as("6 bars and 5 ribbons").hasSize(12);
        assertThat(svg).contains(">pricing</text>").contains("fill-opacity");
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void saysWhatIsMissingWithoutAValueColumn() throws Exception {
        Parent root = RendererFx.show(new SankeyRenderer(), Map.of(), RendererFx.result(
                List.of(new io.sightline.common.visualization.ResultColumn("stage1", "string")),
                new Object[] {"a"}));

        assertThat(RendererFx.all(root, "visualization-note")).extracting(n -> ((Label) n).getText())
                .containsExactly("The sankey needs a column named \"value\" (and stage1, stage2… columns).");
    }

    @Test
    void hoveringANodeFadesTheLinksItIsNotOn() throws Exception {
        Parent root = RendererFx.show(new SankeyRenderer(), Map.of(), FlowSamples.visits());

        RendererFx.fx(() -> {
            Node docs = RendererFx.all(root, "sankey-node").stream().filter(n -> tooltipOf(n).startsWith("docs\n"))
                    .findFirst().orElseThrow();
            docs.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 0, 0, 0,
                    0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                    false, false, false, null));
            return null;
        });

        assertThat(RendererFx.fx(() -> ribbon(root, "home", "docs").getOpacity())).isEqualTo(1.0);
        assertThat(RendererFx.fx(() -> ribbon(root, "docs", "signup").getOpacity())).isEqualTo(1.0);
        assertThat(RendererFx.fx(() -> ribbon(root, "home", "pricing").getOpacity())).isEqualTo(0.2);
        assertThat(RendererFx.fx(() -> ribbon(root, "blog", "pricing").getOpacity())).isEqualTo(0.2);
    }
}
