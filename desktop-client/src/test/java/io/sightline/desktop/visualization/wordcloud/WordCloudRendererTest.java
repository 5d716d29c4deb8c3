package io.sightline.desktop.visualization.wordcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.SvgExport;
import io.sightline.desktop.visualization.flow.FlowSamples;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The word cloud of known notes: the most frequent word is the biggest, and no two words overlap. */
class WordCloudRendererTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<Text> words(Parent root) {
        return RendererFx.fx(() -> RendererFx.all(root, "word-cloud-word").stream().map(Text.class::cast).toList());
    }

    @Test
    void theMostFrequentWordIsTheBiggestAndNoTwoWordsOverlap() throws Exception {
        Parent root = RendererFx.show(new WordCloudRenderer(), Map.of("column", "note"), FlowSamples.notes());

        List<Text> words = words(root);
        assertThat(words).hasSize(19);
        Text biggest = words.stream().max(java.util.Comparator.comparingDouble(t -> t.getFont().getSize()))
                .orElseThrow();
        assertThat(biggest.getText()).isEqualTo("data");
        assertThat(biggest.getFont().getSize()).isEqualTo(100.0);
        List<Bounds> boxes = RendererFx.fx(() -> words.stream().map(t -> t.localToScene(t.getBoundsInLocal()))
                .toList());
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(boxes.get(i).getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(boxes.get(i).getMaxY()).isLessThanOrEqualTo(RendererFx.HEIGHT);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j)))
                        .as("%s overlaps %s", words.get(i).getText(), words.get(j).getText()).isFalse();
            }
        }
        assertThat(words.get(1).getRotate()).as("every second word is turned").isEqualTo(90.0);
    }

    @Test
    void aFrequencyLimitLeavesWordsOut() throws Exception {
        Parent root = RendererFx.show(new WordCloudRenderer(), Map.of("column", "note",
                "wordCountLimit", Map.of("min", 4)), FlowSamples.notes());

        assertThat(words(root)).extracting(Text::getText).containsExactly("data", "query", "chart");
        assertThat(RendererFx.fx(() -> SvgExport.svg(root))).contains(">data</text>").contains(">chart</text>");
    }

    @Test
    void asksForTheWordsColumn() throws Exception {
        Parent root = RendererFx.show(new WordCloudRenderer(), Map.of(), FlowSamples.notes());

        assertThat(RendererFx.all(root, "visualization-note")).extracting(n -> ((Label) n).getText())
                .containsExactly("Choose the column of words.");
    }
}
