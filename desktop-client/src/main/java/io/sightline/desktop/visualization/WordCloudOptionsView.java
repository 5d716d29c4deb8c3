package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import javafx.collections.ObservableList;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The word cloud fields of the visualization editor; "(none)" as frequencies column counts the words. */
final class WordCloudOptionsView extends GridPane {

    WordCloudOptionsView(WordCloudOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        row(this, 0, "Words column", combo("editor-wordcloud-column", columns, model.columnProperty()));
        row(this, 1, "Frequencies column", combo("editor-wordcloud-frequencies", withNone(columns),
                model.frequenciesColumnProperty()));
        row(this, 2, "Word length min", limit("editor-wordcloud-length-min", model, model.lengthMinProperty()));
        row(this, 3, "Word length max", limit("editor-wordcloud-length-max", model, model.lengthMaxProperty()));
        row(this, 4, "Frequency min", limit("editor-wordcloud-count-min", model, model.countMinProperty()));
        row(this, 5, "Frequency max", limit("editor-wordcloud-count-max", model, model.countMaxProperty()));
    }

    private static TextField limit(String id, WordCloudOptionsViewModel model,
                                   javafx.beans.property.StringProperty value) {
        TextField box = field(id, value);
        box.setPromptText("no limit");
        return box;
    }
}
