package io.sightline.common.visualization.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a {@link SankeyGraph} is drawn in a {@code width × height} area, as Redash lays it out (its d3 sankey with
 * {@code nodeWidth 15}, {@code nodePadding 10}, then its {@code spreadNodes}): one column per stage, a node as tall as
 * its value on the scale that fits the fullest column, a column's nodes largest first with equal gaps, each link a
 * ribbon as wide as its value leaving its source and entering its target in the order of the other ends. Exit nodes
 * and the links into them take no room (Redash lays them out off to the right, invisible).
 */
public record SankeyLayout(List<NodeBox> nodes, List<Ribbon> ribbons) {

    public static final double NODE_WIDTH = 15;
    public static final double NODE_PADDING = 10;

    /** A node's bar: its top-left corner and height. */
    public record NodeBox(SankeyGraph.Node node, double x, double y, double height) {
    }

    /**
     * A link's ribbon: from the source's right edge at {@code y0} to the target's left edge at {@code y1} (the
     * ribbon's centre line), {@code width} thick.
     */
    public record Ribbon(SankeyGraph.Link link, SankeyGraph.Node source, SankeyGraph.Node target, double x0,
            double y0, double x1, double y1, double width) {
    }

    public static SankeyLayout of(SankeyGraph graph, double width, double height) {
        List<SankeyGraph.Node> shown = graph.shownNodes();
        TreeMap<Integer, List<SankeyGraph.Node>> columns = new TreeMap<>();
        shown.forEach(n -> columns.computeIfAbsent(n.stage(), k -> new ArrayList<>()).add(n));
        if (columns.isEmpty()) {
            return new SankeyLayout(List.of(), List.of());
        }
        double ky = Double.MAX_VALUE;
        for (List<SankeyGraph.Node> column : columns.values()) {
            double sum = column.stream().mapToDouble(SankeyGraph.Node::value).sum();
            if (sum > 0) {
                ky = Math.min(ky, (height - (column.size() - 1) * NODE_PADDING) / sum);
            }
        }
        ky = ky == Double.MAX_VALUE ? 0 : Math.max(0, ky);
        List<Integer> stages = new ArrayList<>(columns.keySet());
        double step = stages.size() > 1 ? (width - NODE_WIDTH) / (stages.size() - 1) : 0;
        Map<Integer, NodeBox> boxes = new HashMap<>();
        List<NodeBox> ordered = new ArrayList<>();
        for (int c = 0; c < stages.size(); c++) {
            List<SankeyGraph.Node> column = new ArrayList<>(columns.get(stages.get(c)));
            column.sort(Comparator.comparingLong(SankeyGraph.Node::value).reversed());
            double sum = 0;
            for (SankeyGraph.Node n : column) {
                sum += n.value() * ky;
            }
            double padding = (height - sum) / column.size();
            double y = padding / 2;
            for (SankeyGraph.Node n : column) {
                NodeBox box = new NodeBox(n, c * step, y, n.value() * ky);
                boxes.put(n.id(), box);
                ordered.add(box);
                y += box.height() + padding;
            }
        }
        List<SankeyGraph.Link> links = graph.shownLinks().stream()
                .filter(l -> boxes.containsKey(l.source()) && boxes.containsKey(l.target())).toList();
        Map<SankeyGraph.Link, Double> sourceOffset = offsets(links, boxes, true, ky);
        Map<SankeyGraph.Link, Double> targetOffset = offsets(links, boxes, false, ky);
        List<Ribbon> ribbons = new ArrayList<>();
        for (SankeyGraph.Link l : links) {
            NodeBox from = boxes.get(l.source());
            NodeBox to = boxes.get(l.target());
            double w = l.value() * ky;
            ribbons.add(new Ribbon(l, from.node(), to.node(), from.x() + NODE_WIDTH,
                    from.y() + sourceOffset.get(l) + w / 2, to.x(), to.y() + targetOffset.get(l) + w / 2, w));
        }
        ribbons.sort(Comparator.comparingDouble(Ribbon::width).reversed());
        return new SankeyLayout(List.copyOf(ordered), List.copyOf(ribbons));
    }

    /** d3 sankey's {@code computeLinkDepths}: a node's links stacked in the order of their other ends' heights. */
    private static Map<SankeyGraph.Link, Double> offsets(List<SankeyGraph.Link> links, Map<Integer, NodeBox> boxes,
            boolean atSource, double ky) {
        Map<Integer, List<SankeyGraph.Link>> byNode = new HashMap<>();
        for (SankeyGraph.Link l : links) {
            byNode.computeIfAbsent(atSource ? l.source() : l.target(), k -> new ArrayList<>()).add(l);
        }
        Map<SankeyGraph.Link, Double> offsets = new HashMap<>();
        for (List<SankeyGraph.Link> own : byNode.values()) {
            own.sort(Comparator.comparingDouble(l -> boxes.get(atSource ? l.target() : l.source()).y()));
            double y = 0;
            for (SankeyGraph.Link l : own) {
                offsets.put(l, y);
                y += l.value() * ky;
            }
        }
        return offsets;
    }
}
