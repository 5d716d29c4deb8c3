package io.sightline.desktop.visualization.counter;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.sightline.common.visualization.CounterOptions;
import io.sightline.common.visualization.CounterValue;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * {@code COUNTER}: the value (prefix, suffix, decimals and separators as Redash formats them), its label, and when
 * a target is set the target and the trend (up green, down red), on a TilesFX tile.
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
        Label value = new Label(counter.text());
        value.setId("counter-value");
        value.getStyleClass().add("counter-value");
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .prefSize(420, 260)
                .maxSize(560, 320)
                .title(label == null || label.isBlank() ? "" : label)
                .description(counter.text())
                .text(target)
                .textVisible(!target.isEmpty())
                .textAlignment(TextAlignment.CENTER)
                .graphic(value)
                .build();
        tile.setId("counter-tile");
        // the value as large as the tile allows, in the tile's value colour
        javafx.scene.paint.Color fill = tile.getValueColor();
        String web = String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(fill.getRed() * 255),
                Math.round(fill.getGreen() * 255), Math.round(fill.getBlue() * 255));
        // inline, so the theme's label colour does not win over the tile's
        value.styleProperty().bind(Bindings.concat("-fx-text-fill: ", web, "; -fx-font-size: ",
                Bindings.min(tile.heightProperty().multiply(0.26), tile.widthProperty().multiply(0.6
                        / Math.max(4, counter.text().length()) * 1.6)).asString(java.util.Locale.ROOT, "%.1f"),
                "px;"));
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
