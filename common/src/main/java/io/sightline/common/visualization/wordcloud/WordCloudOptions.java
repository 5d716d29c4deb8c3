package io.sightline.common.visualization.wordcloud;

import io.sightline.common.visualization.Options;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code WORD_CLOUD}: Redash's options ({@code word-cloud/index.ts}): the words {@code column}, an optional
 * {@code frequenciesColumn} (none: words are counted), and {@code wordLengthLimit} / {@code wordCountLimit}
 * {@code {min, max}} (null or 0: no limit).
 */
public final class WordCloudOptions extends Options {

    public WordCloudOptions(Map<String, Object> saved) {
        super(saved, defaults());
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("column", "");
        d.put("frequenciesColumn", "");
        d.put("wordLengthLimit", limits());
        d.put("wordCountLimit", limits());
        return d;
    }

    private static Map<String, Object> limits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", null);
        m.put("max", null);
        return m;
    }

    /** The words column; null when not set. */
    public String column() {
        return blankToNull(string("column"));
    }

    /** The frequencies column; null to count the words. */
    public String frequenciesColumn() {
        return blankToNull(string("frequenciesColumn"));
    }

    /** A limit ({@code wordLengthLimit.min}…); null for none (absent, not a finite number, or 0). */
    public Double limit(String path) {
        double value = number(path, Double.NaN);
        return Double.isFinite(value) && value != 0 ? value : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
