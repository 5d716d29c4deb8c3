package io.sightline.desktop.visualization;

import io.sightline.common.visualization.wordcloud.WordCloudOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The word cloud part of the visualization editor, as Redash's: the words column, the frequencies column (none:
 * words are counted), and the word length and frequency limits (empty or 0: no limit). It writes the whole options
 * object as Redash's editor saves it: the saved options over Redash's defaults, with this form's values.
 */
public final class WordCloudOptionsViewModel {

    private final StringProperty column = new SimpleStringProperty();
    private final StringProperty frequenciesColumn = new SimpleStringProperty();
    private final StringProperty lengthMin = new SimpleStringProperty("");
    private final StringProperty lengthMax = new SimpleStringProperty("");
    private final StringProperty countMin = new SimpleStringProperty("");
    private final StringProperty countMax = new SimpleStringProperty("");

    List<Observable> inputs() {
        return List.of(column, frequenciesColumn, lengthMin, lengthMax, countMin, countMax);
    }

    /** A new word cloud: the first text column as words, counted. */
    void guess(String firstText) {
        column.set(firstText);
    }

    void load(Map<String, Object> saved) {
        WordCloudOptions options = new WordCloudOptions(saved);
        column.set(options.column());
        frequenciesColumn.set(options.frequenciesColumn());
        lengthMin.set(text(options.limit("wordLengthLimit.min")));
        lengthMax.set(text(options.limit("wordLengthLimit.max")));
        countMin.set(text(options.limit("wordCountLimit.min")));
        countMax.set(text(options.limit("wordCountLimit.max")));
    }

    /** The options to save: {@code saved} over Redash's word cloud defaults, with this form's values set. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(new WordCloudOptions(saved).effective());
        out.put("column", column.get() == null ? "" : column.get());
        out.put("frequenciesColumn", frequenciesColumn.get() == null ? "" : frequenciesColumn.get());
        out.put("wordLengthLimit", limits(out.get("wordLengthLimit"), lengthMin.get(), lengthMax.get()));
        out.put("wordCountLimit", limits(out.get("wordCountLimit"), countMin.get(), countMax.get()));
        return out;
    }

    /** What keeps the word cloud from being drawn as meant, in the editor's words. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        if (column.get() == null || column.get().isBlank()) {
            found.add("Choose the column of words.");
        }
        for (StringProperty limit : List.of(lengthMin, lengthMax, countMin, countMax)) {
            if (!blank(limit.get()) && limit(limit.get()) == null) {
                found.add("A limit must be a positive number, not \"" + limit.get() + "\" (no limit is saved).");
            }
        }
        return found;
    }

    private static Map<String, Object> limits(Object existing, String min, String max) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (existing instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        map.put("min", limit(min));
        map.put("max", limit(max));
        return map;
    }

    /** Redash's editor keeps a limit only above zero. */
    private static Number limit(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value) || value <= 0) {
                return null;
            }
            return value == Math.rint(value) ? (Number) (long) value : (Number) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(Double value) {
        return value == null ? "" : value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
    }

    public StringProperty columnProperty() { return column; }
    public StringProperty frequenciesColumnProperty() { return frequenciesColumn; }
    public StringProperty lengthMinProperty() { return lengthMin; }
    public StringProperty lengthMaxProperty() { return lengthMax; }
    public StringProperty countMinProperty() { return countMin; }
    public StringProperty countMaxProperty() { return countMax; }
}
