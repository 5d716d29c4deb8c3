package io.sightline.common.visualization.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sightline.common.visualization.ResultData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SankeyGraphTest {

    /** Visits: stage2 empty for "search" (it leaves at once), stage3 empty for one pricing visit. */
    static final ResultData VISITS = Rows.of(List.of("stage3", "value", "stage1", "stage2"),
            new Object[] {"signup", 10, "home", "pricing"},
            new Object[] {null, 5, "home", "pricing"},
            new Object[] {"signup", 3, "home", "docs"},
            new Object[] {"signup", 2, "blog", "pricing"},
            new Object[] {"signup", 4, "search", null});

    @Test
    void nodesAreNamesPerStageAndLinksSumTheirRowsValues() {
        SankeyGraph graph = SankeyGraph.of(VISITS);

        assertThat(graph.problem()).isNull();
        assertThat(graph.nodes()).extracting(SankeyGraph.Node::name, SankeyGraph.Node::stage,
                SankeyGraph.Node::value, SankeyGraph.Node::color).containsExactly(
                tuple("home", 1, 18L, "#1f77b4"),
                tuple("pricing", 2, 17L, "#aec7e8"),
                tuple("signup", 3, 19L, "#ff7f0e"),
                tuple("Exit", 4, 19L, "#ffbb78"),
                tuple("Exit", 3, 5L, "#ffbb78"),
                tuple("docs", 2, 3L, "#2ca02c"),
                tuple("blog", 1, 2L, "#98df8a"),
                tuple("search", 1, 4L, "#d62728"),
                tuple("Exit", 2, 4L, "#ffbb78"));
        assertThat(graph.links()).containsExactly(
                new SankeyGraph.Link(0, 1, 15), new SankeyGraph.Link(1, 2, 12), new SankeyGraph.Link(2, 3, 19),
                new SankeyGraph.Link(1, 4, 5), new SankeyGraph.Link(0, 5, 3), new SankeyGraph.Link(5, 2, 3),
                new SankeyGraph.Link(6, 1, 2), new SankeyGraph.Link(7, 8, 4));
    }

    @Test
    void exitsAndTheLinksIntoThemAreNotShown() {
        SankeyGraph graph = SankeyGraph.of(VISITS);

        assertThat(graph.shownNodes()).extracting(SankeyGraph.Node::name)
                .containsExactly("home", "pricing", "signup", "docs", "blog", "search");
        assertThat(graph.shownLinks()).containsExactly(new SankeyGraph.Link(0, 1, 15),
                new SankeyGraph.Link(1, 2, 12), new SankeyGraph.Link(0, 5, 3), new SankeyGraph.Link(5, 2, 3),
                new SankeyGraph.Link(6, 1, 2));
    }

    @Test
    void numbersSentAsTextAreNumbersAndAZeroStageAfterTheFirstStartsNoLink() {
        SankeyGraph graph = SankeyGraph.of(Rows.of(List.of("stage1", "stage2", "stage3", "value"),
                new Object[] {"7", "0", "x", "2.9"}, new Object[] {7, "0", "x", 1}));

        assertThat(graph.nodes()).extracting(SankeyGraph.Node::name, SankeyGraph.Node::stage)
                .containsExactly(tuple("7", 1), tuple("0", 2), tuple("x", 3), tuple("Exit", 4));
        assertThat(graph.links()).containsExactly(new SankeyGraph.Link(0, 1, 3), new SankeyGraph.Link(2, 3, 3));
    }

    @Test
    void withoutAValueColumnOrWithAnInfiniteNumberNothingIsDrawnAndTheProblemIsNamed() {
        SankeyGraph noValue = SankeyGraph.of(Rows.of(List.of("stage1", "stage2", "count"),
                new Object[] {"a", "b", 1}));
        SankeyGraph infinite = SankeyGraph.of(Rows.of(List.of("stage1", "stage2", "value"),
                new Object[] {"a", "b", "Infinity"}));

        assertThat(noValue.nodes()).isEmpty();
        assertThat(noValue.problem()).contains("\"value\"");
        assertThat(infinite.nodes()).isEmpty();
        assertThat(infinite.problem()).contains("\"value\"").contains("Infinity");
    }

    @Test
    void layoutScalesEveryColumnByTheFullestAndRibbonsAreAsWideAsTheirValues() {
        SankeyLayout layout = SankeyLayout.of(SankeyGraph.of(VISITS), 400, 200);

        // stage 1 holds 18 + 2 + 4 with two gaps: (200 - 2 × 10) / 24 = 7.5 px a unit
        assertThat(layout.nodes()).extracting(b -> b.node().name(), SankeyLayout.NodeBox::x,
                SankeyLayout.NodeBox::height).containsExactly(
                tuple("home", 0.0, 135.0), tuple("search", 0.0, 30.0), tuple("blog", 0.0, 15.0),
                tuple("pricing", 192.5, 127.5), tuple("docs", 192.5, 22.5), tuple("signup", 385.0, 142.5));
        assertThat(layout.ribbons()).extracting(r -> r.source().name() + ">" + r.target().name(),
                SankeyLayout.Ribbon::width).containsExactly(tuple("home>pricing", 112.5),
                tuple("pricing>signup", 90.0), tuple("home>docs", 22.5), tuple("docs>signup", 22.5),
                tuple("blog>pricing", 15.0));
        SankeyLayout.Ribbon homePricing = layout.ribbons().get(0);
        SankeyLayout.NodeBox home = layout.nodes().get(0);
        assertThat(homePricing.x0()).isEqualTo(15.0);
        assertThat(homePricing.y0()).isEqualTo(home.y() + 112.5 / 2);
    }
}
