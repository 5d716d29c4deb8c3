package io.sightline.common.visualization.wordcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordCloudLayoutTest {

    private static final WordCloudLayout.Measure MONO = (text, size) -> new double[] {text.length() * size * 0.6,
            size};

    @Test
    void theLargestWordSitsInTheCentreAndNoTwoWordsOverlap() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append(("word" + i + " ").repeat(i));
        }
        List<WordCloudWords.Word> words = WordCloudWords.of(WordCloudWordsTest.result(new Object[] {text, null}),
                new WordCloudOptions(Map.of("column", "text")));

        WordCloudLayout layout = WordCloudLayout.of(words, MONO);

        assertThat(layout.words()).hasSize(40);
        WordCloudLayout.Placed first = layout.words().get(0);
        assertThat(first.word().text()).isEqualTo("word40");
        assertThat(first.centerX()).isZero();
        assertThat(first.centerY()).isZero();
        assertThat(first.width()).isEqualTo(6 * 100 * 0.6);
        WordCloudLayout.Placed turned = layout.words().get(1);
        assertThat(turned.height()).isGreaterThan(turned.width());
        for (WordCloudLayout.Placed a : layout.words()) {
            for (WordCloudLayout.Placed b : layout.words()) {
                assertThat(a != b && a.overlaps(b)).as("%s overlaps %s", a.word().text(), b.word().text()).isFalse();
            }
        }
        assertThat(WordCloudLayout.of(words, MONO)).usingRecursiveComparison().isEqualTo(layout);
    }

    @Test
    void blankWordsAreLeftOut() {
        List<WordCloudWords.Word> words = WordCloudWords.of(WordCloudWordsTest.PHRASES,
                new WordCloudOptions(Map.of("column", "text")));

        assertThat(WordCloudLayout.of(words, MONO).words()).extracting(p -> p.word().text())
                .containsExactly("the", "cat", "dog");
    }

    @Test
    void pastFiveHundredWordsTheLeastFrequentAreLeftOutAndCounted() {
        StringBuilder text = new StringBuilder("common common ");
        for (int i = 0; i < 600; i++) {
            text.append("w").append(i).append(' ');
        }
        List<WordCloudWords.Word> words = WordCloudWords.of(WordCloudWordsTest.result(new Object[] {text, null}),
                new WordCloudOptions(Map.of("column", "text")));

        WordCloudLayout layout = WordCloudLayout.of(words, MONO);

        assertThat(layout.words()).hasSize(WordCloudLayout.MAX_WORDS);
        assertThat(layout.words().get(0).word().text()).isEqualTo("common");
        assertThat(layout.left()).isEqualTo(601 - WordCloudLayout.MAX_WORDS);
    }
}
