package io.sightline.common.visualization.wordcloud;

import io.sightline.common.visualization.D3Colors;
import io.sightline.common.visualization.ResultData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a {@code WORD_CLOUD} as Redash's renderer prepares them ({@code word-cloud/Renderer.tsx}): with a
 * frequencies column, each row's word and its count (a positive finite number; a later row with the same word wins);
 * without, the words column's text split at each whitespace character and counted. Ordered by count, then length,
 * both descending. Font sizes go linearly from 10 px (the smallest count) to 100 px (the largest); colours are d3's
 * category20 by position; every second word is turned 90°. The length and count limits apply last, after sizing.
 */
public final class WordCloudWords {

    public static final double MIN_SIZE = 10;
    public static final double MAX_SIZE = 100;

    /** One word: its count, font size (px), colour and angle (0 or 90 degrees). */
    public record Word(String text, double count, double size, String color, int angle) {
    }

    private WordCloudWords() {
    }

    public static List<Word> of(ResultData result, WordCloudOptions options) {
        String column = options.column();
        if (column == null) {
            return List.of();
        }
        Map<String, Double> counts = options.frequenciesColumn() == null ? countWords(result, column)
                : givenCounts(result, column, options.frequenciesColumn());
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                .thenComparing(e -> -e.getKey().length()));
        double min = sorted.stream().mapToDouble(Map.Entry::getValue).min().orElse(0);
        double max = sorted.stream().mapToDouble(Map.Entry::getValue).max().orElse(0);
        D3Colors colors = new D3Colors(D3Colors.CATEGORY20);
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            double count = sorted.get(i).getValue();
            double size = max == min ? MIN_SIZE : MIN_SIZE + (count - min) / (max - min) * (MAX_SIZE - MIN_SIZE);
            words.add(new Word(sorted.get(i).getKey(), count, size, colors.color(Integer.toString(i)), (i % 2) * 90));
        }
        Double minLength = options.limit("wordLengthLimit.min");
        Double maxLength = options.limit("wordLengthLimit.max");
        Double minCount = options.limit("wordCountLimit.min");
        Double maxCount = options.limit("wordCountLimit.max");
        return words.stream().filter(w -> (minLength == null || w.text().length() >= minLength)
                && (maxLength == null || w.text().length() <= maxLength)
                && (minCount == null || w.count() >= minCount)
                && (maxCount == null || w.count() <= maxCount)).toList();
    }

    private static Map<String, Double> countWords(ResultData result, String column) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : result.rows()) {
            for (String word : text(row.get(column)).split("(?U)\\s", -1)) {
                counts.merge(word, 1.0, Double::sum);
            }
        }
        return counts;
    }

    private static Map<String, Double> givenCounts(ResultData result, String column, String frequencies) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : result.rows()) {
            Double count = number(row.get(frequencies));
            if (count != null && Double.isFinite(count) && count > 0) {
                counts.put(text(row.get(column)), count);
            }
        }
        return counts;
    }

    /** lodash's {@code toString}: "" for null, whole numbers without a decimal point. */
    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
        }
        return String.valueOf(cell);
    }

    private static Double number(Object cell) {
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
