package io.sightline.desktop.visualization.wordcloud;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.wordcloud.WordCloudLayout;
import io.sightline.common.visualization.wordcloud.WordCloudOptions;
import io.sightline.common.visualization.wordcloud.WordCloudWords;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.visualization.flow.ResizingDrawing;
import io.sightline.desktop.widgets.Notes;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * {@code WORD_CLOUD}: Redash's word cloud ({@link WordCloudWords}): each word at a size from its count, every second
 * one turned, placed without overlap by {@link WordCloudLayout} (measured in the font drawn), the whole scaled to fit
 * the area as Redash scales its cloud. A word's tooltip gives its count.
 */
public final class WordCloudRenderer implements VisualizationRenderer {

    /** The font every word is drawn in (at its own size). */
    public static final String FONT_FAMILY = "System";

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        WordCloudOptions options = new WordCloudOptions(saved);
        if (options.column() == null || result.column(options.column()) == null) {
            return Notes.inPlaceOfDrawing("Choose the column of words.");
        }
        List<WordCloudWords.Word> words = WordCloudWords.of(result, options);
        WordCloudLayout layout = WordCloudLayout.of(words, WordCloudRenderer::measure);
        if (layout.words().isEmpty()) {
            return Notes.inPlaceOfDrawing("No words to draw (check the limits).");
        }
        ResizingDrawing drawing = new ResizingDrawing((w, h) -> List.of(draw(layout, w, h)));
        drawing.getStyleClass().add("word-cloud-visualization");
        if (layout.left() == 0) {
            return drawing;
        }
        Label left = new Label("The " + layout.words().size() + " most frequent words are shown; "
                + layout.left() + " more are left out.");
        left.getStyleClass().addAll("muted", "word-cloud-left");
        VBox.setVgrow(drawing, Priority.ALWAYS);
        return new VBox(4, drawing, left);
    }

    static double[] measure(String word, double size) {
        Text text = new Text(word);
        text.setFont(Font.font(FONT_FAMILY, size));
        text.setTextOrigin(VPos.CENTER);
        return new double[] {text.getLayoutBounds().getWidth(), text.getLayoutBounds().getHeight()};
    }

    private static Group draw(WordCloudLayout layout, double width, double height) {
        Group cloud = new Group();
        for (WordCloudLayout.Placed p : layout.words()) {
            Text text = new Text(p.word().text());
            text.setFont(Font.font(FONT_FAMILY, p.word().size()));
            text.setTextOrigin(VPos.CENTER);
            text.setFill(Color.web(p.word().color()));
            text.getStyleClass().add("word-cloud-word");
            double w = text.getLayoutBounds().getWidth();
            text.setX(p.centerX() - w / 2);
            text.setY(p.centerY() - text.getLayoutBounds().getMinY() - text.getLayoutBounds().getHeight() / 2);
            text.setRotate(p.word().angle());
            Tooltip.install(text, new Tooltip(p.word().text() + ": " + count(p.word().count())));
            cloud.getChildren().add(text);
        }
        double[] b = layout.bounds();
        double bw = Math.max(1, b[2] - b[0]);
        double bh = Math.max(1, b[3] - b[1]);
        double scale = Math.min(width / bw, height / bh) * 0.95;
        cloud.setScaleX(scale);
        cloud.setScaleY(scale);
        // scaling turns about the group's centre: move that centre to the area's
        cloud.setTranslateX(width / 2 - (b[0] + b[2]) / 2);
        cloud.setTranslateY(height / 2 - (b[1] + b[3]) / 2);
        return cloud;
    }

    private static String count(double count) {
        return count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
    }
}
