package io.sightline.desktop.visualization.flow;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.flow.SunburstTree;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.widgets.Notes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * {@code SUNBURST_SEQUENCE}: Redash's sunburst ({@link SunburstTree}): a ring per stage around an empty centre, a
 * segment per node as wide as its share of all sequences, coloured by name; sequences that end early leave a gap.
 * Hovering a segment shows its path and share above the rings and in the centre, and fades the segments off its
 * path; the tooltip says the same.
 */
public final class SunburstRenderer implements VisualizationRenderer {

    /** A segment's {@link SunburstTree.Segment}, read by tests. */
    public static final String SEGMENT = "sunburst.segment";
    private static final double CRUMB_HEIGHT = 30;

    @Override
    public Node render(Map<String, Object> options, ResultData result) {
        if (result.rows().isEmpty()) {
            return Notes.inPlaceOfDrawing("The sunburst has no rows to draw.");
        }
        SunburstTree tree = SunburstTree.of(result);
        if (tree.segments().isEmpty()) {
            return Notes.inPlaceOfDrawing("The sunburst needs stage1, stage2… and value columns "
                    + "(or sequence, stage, node and value) with sizes above zero.");
        }
        ResizingDrawing drawing = new ResizingDrawing((w, h) -> draw(tree, w, h));
        drawing.getStyleClass().add("sunburst-visualization");
        return drawing;
    }

    private static List<Node> draw(SunburstTree tree, double width, double height) {
        double radius = Math.min(width - CRUMB_HEIGHT, height - CRUMB_HEIGHT) / 2 - 5;
        if (radius <= 0) {
            return List.of();
        }
        double cx = width / 2;
        double cy = CRUMB_HEIGHT + (height - CRUMB_HEIGHT) / 2;
        long total = tree.root().value();
        Text crumbs = new Text();
        crumbs.getStyleClass().add("sunburst-path");
        crumbs.setFont(Font.font(null, FontWeight.BOLD, 12));
        crumbs.setX(8);
        crumbs.setY(CRUMB_HEIGHT / 2 + 4);
        Text summary = new Text();
        summary.getStyleClass().add("sunburst-summary");
        summary.setFont(Font.font(13));
        summary.setTextAlignment(TextAlignment.CENTER);
        summary.setTextOrigin(VPos.CENTER);
        summary.setMouseTransparent(true);
        List<Path> paths = new ArrayList<>();
        Group rings = new Group();
        for (SunburstTree.Segment s : tree.segments()) {
            double[] radii = tree.ringRadii(s.depth(), radius);
            Path path = segment(cx, cy, radii[0], radii[1], s.startAngle(), s.sweep());
            path.setFill(Color.web(s.color()));
            path.getStyleClass().add("sunburst-segment");
            path.getProperties().put(SEGMENT, s);
            String share = SunburstTree.shareText(s.share());
            String where = String.join(" \u203a ", s.path());
            Tooltip.install(path, new Tooltip(where + "\n" + share + " (" + s.value() + " of " + total + ")\nStage: "
                    + s.depth()));
            path.setOnMouseEntered(e -> {
                for (Path other : paths) {
                    List<String> otherPath = ((SunburstTree.Segment) other.getProperties().get(SEGMENT)).path();
                    boolean ancestor = otherPath.size() <= s.path().size()
                            && s.path().subList(0, otherPath.size()).equals(otherPath);
                    other.setOpacity(ancestor ? 1 : 0.3);
                }
                crumbs.setText(where + "   " + share);
                summary.setText("Stage: " + s.depth() + "\n" + share + "\n" + s.value() + " of " + total);
                summary.setX(cx - summary.getLayoutBounds().getWidth() / 2);
                summary.setY(cy);
            });
            path.setOnMouseExited(e -> {
                paths.forEach(p -> p.setOpacity(1));
                crumbs.setText("");
                summary.setText("");
            });
            paths.add(path);
            rings.getChildren().add(path);
        }
        return List.of(rings, crumbs, summary);
    }

    /**
     * A ring segment between two radii: angles in radians clockwise from 12 o'clock, as d3's arc draws them. A full
     * circle is drawn as two halves (an arc cannot start and end at the same point).
     */
    static Path segment(double cx, double cy, double inner, double outer, double start, double sweep) {
        if (sweep >= 2 * Math.PI - 1e-9) {
            Path full = segment(cx, cy, inner, outer, start, Math.PI);
            full.getElements().addAll(segment(cx, cy, inner, outer, start + Math.PI, Math.PI).getElements());
            return full;
        }
        double end = start + sweep;
        boolean large = sweep > Math.PI;
        Path path = new Path(new MoveTo(x(cx, outer, start), y(cy, outer, start)),
                new ArcTo(outer, outer, 0, x(cx, outer, end), y(cy, outer, end), large, true),
                new LineTo(x(cx, inner, end), y(cy, inner, end)),
                new ArcTo(inner, inner, 0, x(cx, inner, start), y(cy, inner, start), large, false),
                new ClosePath());
        path.setStrokeWidth(1);
        return path;
    }

    private static double x(double cx, double r, double angle) {
        return cx + r * Math.sin(angle);
    }

    private static double y(double cy, double r, double angle) {
        return cy - r * Math.cos(angle);
    }
}
