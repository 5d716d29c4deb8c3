package io.sightline.desktop.visualization.flow;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.flow.SankeyGraph;
import io.sightline.common.visualization.flow.SankeyLayout;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * {@code SANKEY}: Redash's sankey ({@link SankeyGraph}, laid out by {@link SankeyLayout}): a bar per node in its
 * stage's column, coloured by name, labelled on the side facing the middle; a translucent ribbon per link, as wide as
 * its value, curving from its source to its target. Tooltips give a node's and a link's value; hovering a node fades
 * what it is not linked to.
 */
public final class SankeyRenderer implements VisualizationRenderer {

    /** A ribbon's width in pixels, read by tests. */
    public static final String WIDTH = "sankey.width";
    private static final double MARGIN = 10;

    @Override
    public Node render(Map<String, Object> options, ResultData result) {
        SankeyGraph graph = SankeyGraph.of(result);
        if (graph.problem() != null) {
            return Notes.inPlaceOfDrawing(graph.problem());
        }
        if (graph.shownNodes().isEmpty()) {
            return Notes.inPlaceOfDrawing("The sankey needs rows with stage1, stage2… and value columns.");
        }
        ResizingDrawing drawing = new ResizingDrawing((w, h) -> draw(graph, w, h));
        drawing.getStyleClass().add("sankey-visualization");
        return drawing;
    }

    private static List<Node> draw(SankeyGraph graph, double width, double height) {
        double w = width - 2 * MARGIN;
        double h = height - 2 * MARGIN;
        if (w <= SankeyLayout.NODE_WIDTH || h <= 0) {
            return List.of();
        }
        SankeyLayout layout = SankeyLayout.of(graph, w, h);
        Group links = new Group();
        List<Path> ribbons = new ArrayList<>();
        for (SankeyLayout.Ribbon r : layout.ribbons()) {
            Path ribbon = ribbon(r);
            ribbons.add(ribbon);
            links.getChildren().add(ribbon);
        }
        Group nodes = new Group();
        for (SankeyLayout.NodeBox box : layout.nodes()) {
            Rectangle bar = new Rectangle(box.x(), box.y(), SankeyLayout.NODE_WIDTH, Math.max(1, box.height()));
            Color color = Color.web(box.node().color());
            bar.setFill(color.deriveColor(0, 1, 1, 0.9));
            bar.setStroke(color.darker().darker());
            bar.setStrokeWidth(0.5);
            bar.getStyleClass().add("sankey-node");
            bar.setId("sankey-node-" + box.node().id());
            Tooltip.install(bar, new Tooltip(box.node().name() + "\n" + count(box.node().value())));
            Text label = new Text(box.node().name());
            label.setFont(Font.font(12));
            label.getStyleClass().add("sankey-label");
            label.setY(box.y() + box.height() / 2 + 4);
            boolean left = box.x() < w / 2;
            label.setTextAlignment(left ? TextAlignment.LEFT : TextAlignment.RIGHT);
            double textWidth = label.getLayoutBounds().getWidth();
            label.setX(left ? box.x() + SankeyLayout.NODE_WIDTH + 6 : box.x() - 6 - textWidth);
            label.setMouseTransparent(true);
            bar.setOnMouseEntered(e -> highlight(box.node().id(), ribbons, nodes));
            bar.setOnMouseExited(e -> {
                ribbons.forEach(r -> r.setOpacity(1));
                nodes.getChildren().forEach(n -> n.setOpacity(1));
            });
            nodes.getChildren().addAll(bar, label);
        }
        Group all = new Group(links, nodes);
        all.setTranslateX(MARGIN);
        all.setTranslateY(MARGIN);
        return List.of(all);
    }

    /** d3's sankey link: a curve leaving and entering horizontally, control points halfway across. */
    private static Path ribbon(SankeyLayout.Ribbon r) {
        double half = Math.max(1, r.width()) / 2;
        double xm = (r.x0() + r.x1()) / 2;
        Path path = new Path(new MoveTo(r.x0(), r.y0() - half),
                new CubicCurveTo(xm, r.y0() - half, xm, r.y1() - half, r.x1(), r.y1() - half),
                new LineTo(r.x1(), r.y1() + half),
                new CubicCurveTo(xm, r.y1() + half, xm, r.y0() + half, r.x0(), r.y0() + half),
                new ClosePath());
        path.getStyleClass().add("sankey-link");
        path.setStrokeWidth(0);
        path.getProperties().put(WIDTH, r.width());
        path.getProperties().put("sankey.link", r.link());
        Tooltip.install(path, new Tooltip(r.source().name() + " \u2192 " + r.target().name() + "\n"
                + count(r.link().value())));
        return path;
    }

    private static void highlight(int nodeId, List<Path> ribbons, Group nodes) {
        Set<Integer> linked = new HashSet<>(Set.of(nodeId));
        for (Path ribbon : ribbons) {
            SankeyGraph.Link link = (SankeyGraph.Link) ribbon.getProperties().get("sankey.link");
            boolean touches = link.source() == nodeId || link.target() == nodeId;
            ribbon.setOpacity(touches ? 1 : 0.2);
            if (touches) {
                linked.add(link.source());
                linked.add(link.target());
            }
        }
        for (Node n : nodes.getChildren()) {
            if (n instanceof Rectangle bar) {
                int id = Integer.parseInt(bar.getId().substring("sankey-node-".length()));
                bar.setOpacity(linked.contains(id) ? 1 : 0.2);
            }
        }
    }

    /** Redash's {@code d3.format(",.0f")}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
