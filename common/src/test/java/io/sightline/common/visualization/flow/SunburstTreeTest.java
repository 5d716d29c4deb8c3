package io.sightline.common.visualization.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sightline.common.visualization.ResultData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SunburstTreeTest {

    static final ResultData PATHS = Rows.of(List.of("value", "stage2", "stage1"),
            new Object[] {1, null, "a"},
            new Object[] {6, "b", "a"},
            new Object[] {2, "", "d"},
            new Object[] {"3.8", "c", "a"});

    @Test
    void sequencesShareTheirStartsAndASequenceEndingEarlyKeepsItsSize() {
        SunburstTree tree = SunburstTree.of(PATHS);

        assertThat(tree.root().value()).isEqualTo(12);
        assertThat(tree.maxDepth()).isEqualTo(2);
        assertThat(tree.root().children()).extracting(SunburstTree.Branch::name, SunburstTree.Branch::value)
                .containsExactly(tuple("a", 10L), tuple("d", 2L));
        assertThat(tree.root().children().get(0).children()).extracting(SunburstTree.Branch::name,
                SunburstTree.Branch::value).containsExactly(tuple("b", 6L), tuple("c", 3L));
    }

    @Test
    void segmentsSpanTheirShareOfTheCircleLargestFirstAndLeaveTheExitAsAGap() {
        List<SunburstTree.Segment> segments = SunburstTree.of(PATHS).segments();

        assertThat(segments).extracting(SunburstTree.Segment::path, SunburstTree.Segment::depth,
                s -> degrees(s.startAngle()), s -> degrees(s.sweep()), SunburstTree.Segment::color)
                .containsExactly(
                        tuple(List.of("a"), 1, 0.0, 300.0, "#ff7f0e"),
                        tuple(List.of("a", "b"), 2, 0.0, 180.0, "#2ca02c"),
                        tuple(List.of("a", "c"), 2, 180.0, 90.0, "#d62728"),
                        tuple(List.of("d"), 1, 300.0, 60.0, "#9467bd"));
        assertThat(SunburstTree.shareText(segments.get(0).share())).isEqualTo("83.3%");
        assertThat(SunburstTree.shareText(segments.get(2).share())).isEqualTo("25.0%");
        assertThat(SunburstTree.shareText(0.05)).isEqualTo("5.00%");
        assertThat(SunburstTree.shareText(0.004)).isEqualTo("< 1.0%");
        assertThat(SunburstTree.shareText(1)).isEqualTo("100%");
    }

    private static double degrees(double radians) {
        return Math.round(Math.toDegrees(radians) * 1e6) / 1e6;
    }

    @Test
    void ringsAreD3sSquareRootRingsAroundAnEmptyCentre() {
        SunburstTree tree = SunburstTree.of(PATHS);

        assertThat(tree.ringRadii(1, 300)).containsExactly(300 * Math.sqrt(1 / 3.0), 300 * Math.sqrt(2 / 3.0));
        assertThat(tree.ringRadii(2, 300)).containsExactly(300 * Math.sqrt(2 / 3.0), 300.0);
    }

    @Test
    void rowsPerStepAreGroupedBySequenceAndOrderedByStage() {
        SunburstTree tree = SunburstTree.of(Rows.of(List.of("sequence", "stage", "node", "value"),
                new Object[] {1, 1, "home", 5}, new Object[] {1, 2, "pricing", 5},
                new Object[] {2, 2, "docs", 3}, new Object[] {2, 1, "home", 3}));

        assertThat(tree.root().children()).extracting(SunburstTree.Branch::name, SunburstTree.Branch::value)
                .containsExactly(tuple("home", 8L));
        assertThat(tree.root().children().get(0).children()).extracting(SunburstTree.Branch::name,
                SunburstTree.Branch::value).containsExactly(tuple("pricing", 5L), tuple("docs", 3L));
    }

    @Test
    void segmentsThinnerThanD3sThresholdAreLeftOut() {
        SunburstTree tree = SunburstTree.of(Rows.of(List.of("stage1", "value"),
                new Object[] {"big", 10_000}, new Object[] {"tiny", 1}));

        assertThat(tree.segments()).extracting(SunburstTree.Segment::name).containsExactly("big");
    }
}
