package io.sightline.common.visualization.flow;

import io.sightline.common.visualization.D3Colors;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SUNBURST_SEQUENCE}: the tree of sequences Redash's sunburst draws ({@code sunburst/initSunburst.ts}) and
 * its rings. Rows come in one of two shapes: {@code sequence, stage, node, value} (one row per step; a sequence's
 * size is its first row's value, its steps in stage order), or one row per sequence with stage columns (every
 * column but {@code value}, in name order; empty cells — null, "", 0 — are skipped). Sequences sharing a start share
 * the tree's branches; a sequence ending at a node that goes on elsewhere leaves a gap (Redash's exit) in the next
 * ring. Sizes are cut to whole numbers. Children are ordered largest first, as d3's partition orders them.
 *
 * @param root     the tree (the root is not drawn)
 * @param maxDepth the deepest ring
 * @param colors   each name's colour: d3's category10 over the names in the order of the rows' first sequences
 *                 (the root, named "root", takes the first), as Redash sets its colour domain
 */
public record SunburstTree(Branch root, int maxDepth, Map<String, String> colors) {

    private static final List<String> HIERARCHY_COLUMNS = List.of("sequence", "stage", "node", "value");
    /** d3's partition leaves out segments thinner than this (radians), as Redash does. */
    public static final double MIN_SWEEP = 0.005;

    /**
     * A node of the tree.
     *
     * @param value    its sequences' total: those ending here plus its children's
     * @param children largest first
     */
    public record Branch(String name, long value, List<Branch> children) {
    }

    /**
     * A ring segment as drawn: angles in radians clockwise from 12 o'clock.
     *
     * @param path  the names from the first ring to this segment
     * @param depth its ring, 1 for the innermost
     * @param share its value over the whole, 0–1
     */
    public record Segment(List<String> path, int depth, double startAngle, double sweep, long value, double share,
            String color) {

        public String name() {
            return path.get(path.size() - 1);
        }
    }

    public static SunburstTree of(ResultData result) {
        List<Sequence> sequences = isHierarchy(result) ? fromHierarchy(result) : fromTable(result);
        Mutable root = new Mutable("root");
        for (Sequence s : sequences) {
            Mutable current = root;
            for (int i = 0; i < s.nodes().size(); i++) {
                current = current.children.computeIfAbsent(s.nodes().get(i), Mutable::new);
                if (i == s.nodes().size() - 1) {
                    current.ends += s.size();
                }
            }
        }
        long total = root.value();
        D3Colors colors = new D3Colors(D3Colors.CATEGORY10);
        Map<String, String> byName = new LinkedHashMap<>();
        root.visit(node -> {
            if (total > 0 && 2 * Math.PI * node.value() / total > MIN_SWEEP) {
                byName.put(node.name, colors.color(node.name));
            }
        });
        Branch tree = root.freeze();
        return new SunburstTree(tree, depth(tree) - 1, byName);
    }

    /** The segments drawn, each followed by its children (largest first), with their colours. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        if (root.value() > 0) {
            collect(root, List.of(), 0, 0, out);
        }
        return List.copyOf(out);
    }

    /** The inner and outer radius of a ring (1-based) in a sunburst of the given radius: d3's square-root rings. */
    public double[] ringRadii(int depth, double radius) {
        double rings = maxDepth + 1.0;
        return new double[] {radius * Math.sqrt(depth / rings), radius * Math.sqrt((depth + 1) / rings)};
    }

    /** Redash's share text ({@code toPrecision(3)}): three significant digits and a percent sign, or {@code < 1.0%}. */
    public static String shareText(double share) {
        double percent = 100 * share;
        if (percent < 1) {
            return "< 1.0%";
        }
        BigDecimal rounded = new BigDecimal(percent).round(new MathContext(3));
        if (rounded.precision() < 3) {
            rounded = rounded.setScale(rounded.scale() + 3 - rounded.precision());
        }
        return rounded.toPlainString() + "%";
    }

    private void collect(Branch branch, List<String> path, int depth, double start, List<Segment> out) {
        double total = root.value();
        double angle = start;
        for (Branch child : branch.children()) {
            double sweep = 2 * Math.PI * child.value() / total;
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.name());
            if (sweep > MIN_SWEEP) {
                out.add(new Segment(List.copyOf(childPath), depth + 1, angle, sweep, child.value(),
                        (double) child.value() / total, colors.get(child.name())));
                collect(child, childPath, depth + 1, angle, out);
            }
            angle += sweep;
        }
    }

    private static int depth(Branch branch) {
        return 1 + branch.children().stream().mapToInt(SunburstTree::depth).max().orElse(0);
    }

    private static boolean isHierarchy(ResultData result) {
        return HIERARCHY_COLUMNS.stream().allMatch(name -> result.column(name) != null);
    }

    private record Sequence(long size, List<String> nodes) {
    }

    private static List<Sequence> fromHierarchy(ResultData result) {
        Map<String, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
        for (Map<String, Object> row : result.rows()) {
            grouped.computeIfAbsent(JsCells.text(row.get("sequence")), k -> new ArrayList<>()).add(row);
        }
        List<Sequence> out = new ArrayList<>();
        for (List<Map<String, Object>> rows : grouped.values()) {
            List<Map<String, Object>> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(row -> row.get("stage"), SunburstTree::compareStages));
            out.add(new Sequence(JsCells.integer(rows.get(0).get("value")),
                    sorted.stream().map(row -> name(row.get("node"))).toList()));
        }
        return out;
    }

    private static List<Sequence> fromTable(ResultData result) {
        List<String> stages = result.columns().stream().map(ResultColumn::name).filter(n -> !"value".equals(n))
                .sorted().toList();
        List<Sequence> out = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            List<String> nodes = stages.stream().map(row::get).filter(cell -> !JsCells.falsy(cell))
                    .map(SunburstTree::name).toList();
            out.add(new Sequence(JsCells.integer(row.get("value")), nodes));
        }
        return out;
    }

    private static String name(Object cell) {
        return cell == null ? "" : JsCells.text(cell);
    }

    /** lodash's {@code sortBy}: numbers by value, else text; empty stages last. */
    private static int compareStages(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return JsCells.text(a).compareTo(JsCells.text(b));
    }

    private static final class Mutable {
        final String name;
        final Map<String, Mutable> children = new LinkedHashMap<>();
        long ends;

        Mutable(String name) {
            this.name = name;
        }

        long value() {
            return ends + children.values().stream().mapToLong(Mutable::value).sum();
        }

        /** This node, then each child's subtree in the order first met: d3's hierarchy order. */
        void visit(java.util.function.Consumer<Mutable> visitor) {
            visitor.accept(this);
            children.values().forEach(child -> child.visit(visitor));
        }

        Branch freeze() {
            List<Branch> frozen = new ArrayList<>(children.values().stream().map(Mutable::freeze).toList());
            frozen.sort(Comparator.comparingLong(Branch::value).reversed());
            long value = ends + frozen.stream().mapToLong(Branch::value).sum();
            return new Branch(name, value, List.copyOf(frozen));
        }
    }
}
