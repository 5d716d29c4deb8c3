package io.sightline.server.share;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.flow.SankeyGraph;
import io.sightline.common.visualization.flow.SunburstTree;
import io.sightline.common.visualization.wordcloud.WordCloudLayout;
import io.sightline.common.visualization.wordcloud.WordCloudOptions;
import io.sightline.common.visualization.wordcloud.WordCloudWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared page's answers for {@code SANKEY}, {@code SUNBURST_SEQUENCE} and {@code WORD_CLOUD}, shaped by
 * {@code common} as the desktop shapes them: the sankey's shown nodes (stage, value, colour) and links, the
 * sunburst's tree (sizes, colours, share texts, its d3 ring radii), the word cloud's words already placed. The page
 * draws the first two with ECharts and lays the words out where they were placed.
 */
final class PublicFlowAnswers {

    private PublicFlowAnswers() {
    }

    static Map<String, Object> sankey(ResultData data) {
        SankeyGraph graph = SankeyGraph.of(data);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("problem", graph.problem());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (SankeyGraph.Node n : graph.shownNodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", n.id());
            node.put("name", n.name());
            node.put("stage", n.stage());
            node.put("value", n.value());
            node.put("color", n.color());
            nodes.add(node);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (SankeyGraph.Link l : graph.shownLinks()) {
            links.add(Map.of("source", l.source(), "target", l.target(), "value", l.value()));
        }
        out.put("nodes", nodes);
        out.put("links", links);
        return out;
    }

    static Map<String, Object> sunburst(ResultData data) {
        SunburstTree tree = SunburstTree.of(data);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", tree.root().value());
        out.put("max_depth", tree.maxDepth());
        List<double[]> rings = new ArrayList<>();
        for (int depth = 1; depth <= tree.maxDepth(); depth++) {
            double[] radii = tree.ringRadii(depth, 1);
            rings.add(new double[] {radii[0], radii[1]});
        }
        out.put("rings", rings);
        out.put("children", tree.root().value() > 0
                ? children(tree, tree.root(), List.of(), tree.root().value()) : List.of());
        return out;
    }

    /** The children drawn (d3's partition leaves out those under 0.005 radians: their room stays a gap). */
    private static List<Map<String, Object>> children(SunburstTree tree, SunburstTree.Branch branch,
            List<String> path, long total) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SunburstTree.Branch child : branch.children()) {
            if (2 * Math.PI * child.value() / total <= SunburstTree.MIN_SWEEP) {
                continue;
            }
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.name());
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", child.name());
            node.put("value", child.value());
            node.put("color", tree.colors().get(child.name()));
            node.put("path", childPath);
            node.put("share_text", SunburstTree.shareText((double) child.value() / total));
            node.put("children", children(tree, child, childPath, total));
            out.add(node);
        }
        return out;
    }

    static Map<String, Object> wordCloud(WordCloudOptions options, ResultData data) {
        Map<String, Object> out = new LinkedHashMap<>();
        WordCloudLayout layout = WordCloudLayout.of(WordCloudWords.of(data, options), WordCloudLayout.AVERAGE_SANS);
        List<Map<String, Object>> words = new ArrayList<>();
        for (WordCloudLayout.Placed p : layout.words()) {
            Map<String, Object> word = new LinkedHashMap<>();
            word.put("text", p.word().text());
            word.put("count", p.word().count());
            word.put("size", p.word().size());
            word.put("color", p.word().color());
            word.put("angle", p.word().angle());
            word.put("x", p.centerX());
            word.put("y", p.centerY());
            word.put("width", p.width());
            word.put("height", p.height());
            words.add(word);
        }
        out.put("column_set", options.column() != null);
        out.put("words", words);
        out.put("bounds", layout.bounds());
        out.put("left", layout.left());
        return out;
    }
}
