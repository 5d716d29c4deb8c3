package io.sightline.desktop.visualization.counter;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.sightline.common.visualization.CounterOptions;
import io.sightline.common.visualization.CounterValue;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.VisualizationRenderer;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * {@code COUNTER}: the value (prefix, suffix, decimals and separators as Redash formats them), its label, and when
 * a target is set the target and the trend (up green, down red), on a TilesFX text tile.
 */
public final class CounterRenderer implements VisualizationRenderer {

    static final Color UP = Color.web("#2e9d57");
    static final Color DOWN = Color.web("#d2453b");

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        CounterOptions options = new CounterOptions(saved);
        CounterValue counter = CounterValue.of(result.rows(), options);
        String label = options.string("counterLabel");
        String trend = switch (counter.trend()) {
            case UP -> "\u25B2 ";
            case DOWN -> "\u25BC ";
            case NONE -> "";
        };
        String target = counter.targetText() == null ? "" : trend + "target " + counter.targetText();
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.TEXT)
                .prefSize(360, 220)
                .title(label == null || label.isBlank() ? "" : label)
                .description(counter.text())
                .descriptionAlignment(Pos.CENTER)
                .textAlignment(TextAlignment.CENTER)
                .text(target)
                .textVisible(!target.isEmpty())
                .build();
        tile.setId("counter-tile");
        tile.getProperties().put("counter.value", counter.text());
        tile.getProperties().put("counter.target", counter.targetText());
        tile.getProperties().put("counter.trend", counter.trend().name());
        if (counter.trend() != CounterValue.Trend.NONE) {
            tile.setTextColor(counter.trend() == CounterValue.Trend.UP ? UP : DOWN);
        }
        StackPane pane = new StackPane(tile);
        pane.getStyleClass().add("counter-visualization");
        pane.setAlignment(Pos.CENTER);
        return pane;
    }
}
