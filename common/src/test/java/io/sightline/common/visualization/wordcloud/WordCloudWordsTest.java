package io.sightline.common.visualization.wordcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordCloudWordsTest {

    static ResultData result(Object[]... rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> row = new HashMap<>();
            row.put("text", r[0]);
            row.put("n", r[1]);
            maps.add(row);
        }
        return new ResultData(List.of(new ResultColumn("text", "string"), new ResultColumn("n", "integer")), maps);
    }

    static WordCloudOptions options(Object... keysAndValues) {
        Map<String, Object> saved = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            saved.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WordCloudOptions(saved);
    }

    static final ResultData PHRASES = result(new Object[] {"the cat the dog", null},
            new Object[] {"the  cat", null});

    @Test
    void withoutAFrequenciesColumnWordsAreCountedAndSizedFrom10To100() {
        List<WordCloudWords.Word> words = WordCloudWords.of(PHRASES, options("column", "text"));

        // "the  cat" has two spaces: Redash counts the empty word between them
        assertThat(words).extracting(WordCloudWords.Word::text, WordCloudWords.Word::count,
                WordCloudWords.Word::size, WordCloudWords.Word::color, WordCloudWords.Word::angle).containsExactly(
                tuple("the", 3.0, 100.0, "#1f77b4", 0), tuple("cat", 2.0, 55.0, "#aec7e8", 90),
                tuple("dog", 1.0, 10.0, "#ff7f0e", 0), tuple("", 1.0, 10.0, "#ffbb78", 90));
    }

    @Test
    void limitsApplyAfterSizing() {
        List<WordCloudWords.Word> words = WordCloudWords.of(PHRASES, options("column", "text",
                "wordLengthLimit", Map.of("min", 1), "wordCountLimit", Map.of("max", 2)));

        assertThat(words).extracting(WordCloudWords.Word::text, WordCloudWords.Word::size)
                .containsExactly(tuple("cat", 55.0), tuple("dog", 10.0));
    }

    @Test
    void aFrequenciesColumnGivesTheCountsAndOnlyPositiveNumbersCount() {
        ResultData fruit = result(new Object[] {"apple", 10}, new Object[] {"pear", "4"}, new Object[] {"plum", 0},
                new Object[] {"fig", null}, new Object[] {"apple", 20});

        List<WordCloudWords.Word> words = WordCloudWords.of(fruit, options("column", "text",
                "frequenciesColumn", "n"));

        assertThat(words).extracting(WordCloudWords.Word::text, WordCloudWords.Word::count,
                WordCloudWords.Word::size).containsExactly(tuple("apple", 20.0, 100.0), tuple("pear", 4.0, 10.0));
    }

    @Test
    void noWordsColumnNoWords() {
        assertThat(WordCloudWords.of(PHRASES, options())).isEmpty();
        assertThat(WordCloudWords.of(PHRASES, options("column", "text", "wordCountLimit",
                Map.of("min", 5)))).isEmpty();
    }

    @Test
    void equalCountsAllTakeTheSmallestSize() {
        List<WordCloudWords.Word> words = WordCloudWords.of(result(new Object[] {"a b c", null}),
                options("column", "text"));

        assertThat(words).extracting(WordCloudWords.Word::size).containsExactly(10.0, 10.0, 10.0);
    }
}
