package io.sightline.common.visualization.flow;

import io.sightline.common.visualization.D3Colors;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SANKEY}: the nodes and links Redash's sankey draws ({@code sankey/initSankey.ts}). The stage columns are
 * every column but {@code value}, in name order ({@code stage1}..{@code stage5}; the first five count); each row adds
 * a link from each stage to the next, worth the row's {@code value} cut to a whole number, and links between the
 * same two nodes add up. A node is a name at a stage: the same name at two stages is two nodes. An empty stage
 * (null, "", 0) after the first starts no link; a missing next stage leads to the {@code Exit} node, which is laid
 * out but never drawn, nor are the links into it. A node's value is the larger of what flows in and out.
 *
 * @param nodes in the order Redash creates them (their index is their id)
 * @param links in the order first met
 * @param problem why nothing is drawn (no {@code value} column, a value that is not a finite number), else null
 */
public record SankeyGraph(List<Node> nodes, List<Link> links, String problem) {

    /** Redash's name of the node a sequence leaves to; nodes of that name are not drawn. */
    public static final String EXIT = "Exit";
    private static final int STAGES = 5;

    /**
     * One node.
     *
     * @param stage 1-based: the stage column it comes from (6 for the exits after the fifth)
     * @param color d3's category20 colour of the name's first word, as Redash colours it
     */
    public record Node(int id, String name, int stage, long value, String color) {
        public boolean exit() {
            return EXIT.equals(name);
        }
    }

    /** A link between two nodes (their ids), worth the sum of its rows' values. */
    public record Link(int source, int target, long value) {
    }

    /** The nodes drawn (all but exits). */
    public List<Node> shownNodes() {
        return nodes.stream().filter(n -> !n.exit()).toList();
    }

    /** The links drawn (all but those into an exit). */
    public List<Link> shownLinks() {
        return links.stream().filter(l -> !nodes.get(l.target()).exit()).toList();
    }

    public static SankeyGraph of(ResultData result) {
        if (result.column("value") == null) {
            return empty("The sankey needs a column named \"value\" (and stage1, stage2… columns).");
        }
        List<String> stages = result.columns().stream().map(ResultColumn::name).filter(n -> !"value".equals(n))
                .sorted().limit(STAGES).toList();
        Builder builder = new Builder();
        for (Map<String, Object> raw : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Map.Entry<String, Object> cell : raw.entrySet()) {
                Object value = JsCells.coerce(cell.getValue());
                if (value instanceof Double d && !Double.isFinite(d)) {
                    return empty("The sankey cannot be drawn: column \"" + cell.getKey() + "\" holds "
                            + JsCells.text(d) + ".");
                }
                row.put(cell.getKey(), value);
            }
            long value = JsCells.integer(row.get("value"));
            for (int depth = 1; depth <= STAGES; depth++) {
                Object source = depth <= stages.size() ? row.get(stages.get(depth - 1)) : null;
                Object target = depth < stages.size() ? row.get(stages.get(depth)) : null;
                builder.addLink(source, target, value, depth);
            }
        }
        return builder.build();
    }

    private static SankeyGraph empty(String problem) {
        return new SankeyGraph(List.of(), List.of(), problem);
    }

    private static final class Builder {
        private final Map<String, Integer> nodeIds = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<Integer> stages = new ArrayList<>();
        private final Map<List<Integer>, long[]> links = new LinkedHashMap<>();

        void addLink(Object source, Object target, long value, int depth) {
            if (JsCells.falsy(source) && depth > 1) {
                return;
            }
            int from = node(source, depth);
            int to = node(target, depth + 1);
            links.computeIfAbsent(List.of(from, to), k -> new long[1])[0] += value;
        }

        private int node(Object cell, int stage) {
            String name = cell == null ? EXIT : JsCells.text(cell);
            return nodeIds.computeIfAbsent(name + ":" + stage, key -> {
                names.add(name);
                stages.add(stage);
                return names.size() - 1;
            });
        }

        SankeyGraph build() {
            long[] in = new long[names.size()];
            long[] out = new long[names.size()];
            List<Link> built = new ArrayList<>();
            links.forEach((ends, value) -> {
                built.add(new Link(ends.get(0), ends.get(1), value[0]));
                out[ends.get(0)] += value[0];
                in[ends.get(1)] += value[0];
            });
            D3Colors colors = new D3Colors(D3Colors.CATEGORY20);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                nodes.add(new Node(i, names.get(i), stages.get(i), Math.max(in[i], out[i]),
                        colors.color(names.get(i).replaceFirst(" .*", ""))));
            }
            return new SankeyGraph(List.copyOf(nodes), List.copyOf(built), null);
        }
    }
}
