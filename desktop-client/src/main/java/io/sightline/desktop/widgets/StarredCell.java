package io.sightline.desktop.widgets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A navigator list row: a star to click (favourite or not), the item's name with a "Draft" marker while it is one,
 * and below it when it was updated and its tags. One set of nodes per cell, refilled on every update, so a cell's
 * star stays the same node. A name longer than the list is wide ends in "..." with the whole name in a tooltip; the
 * list never scrolls sideways.
 */
public final class StarredCell<T> extends ListCell<T> {

    public static final String STARRED = "\u2605";
    public static final String UNSTARRED = "\u2606";

    /** What a row shows of an item. */
    public record Shown<T>(Predicate<T> favorite, Function<T, String> name, Function<T, OffsetDateTime> updatedAt,
                           Function<T, List<String>> tags, Predicate<T> draft) {
    }

    public static final String DRAFT = "Draft";

    private final Shown<T> shown;
    private final Label star = new Label();
    private final Label name = new Label();
    private final Label draft = new Label(DRAFT);
    private final Label details = new Label();
    private final Tooltip starTip = new Tooltip();
    private final Tooltip nameTip = new Tooltip();
    private final HBox row = new HBox(6, star, new VBox(1, new HBox(6, name, draft), details));

    /** @param nameStyle the style class of the name ({@code query-name}, {@code dashboard-name}) */
    public StarredCell(Shown<T> shown, String nameStyle, Consumer<T> toggleFavorite) {
        this.shown = shown;
        star.getStyleClass().add("query-star");
        star.setTooltip(starTip);
        name.getStyleClass().add(nameStyle);
        name.setTooltip(nameTip);
        name.setMinWidth(0);
        details.setMinWidth(0);
        setPrefWidth(0); // the list's width, not the name's, sets the row's
        details.getStyleClass().add("muted");
        draft.getStyleClass().add("draft-marker");
        draft.setTooltip(new Tooltip("Not published yet: only its owner sees it in the lists"));
        draft.managedProperty().bind(draft.visibleProperty());
        row.setAlignment(Pos.CENTER_LEFT);
        star.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && getItem() != null) {
                toggleFavorite.accept(getItem());
                event.consume();
            }
        });
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        boolean favorite = shown.favorite().test(item);
        star.setText(favorite ? STARRED : UNSTARRED);
        star.getStyleClass().removeAll("starred", "unstarred");
        star.getStyleClass().add(favorite ? "starred" : "unstarred");
        starTip.setText(favorite ? "Remove from favourites" : "Add to favourites");
        name.setText(shown.name().apply(item));
        nameTip.setText(name.getText());
        draft.setVisible(shown.draft().test(item));
        List<String> tags = shown.tags().apply(item);
        details.setText(TimeText.when(shown.updatedAt().apply(item))
                + (tags == null || tags.isEmpty() ? "" : "  #" + String.join(" #", tags)));
        setGraphic(row);
    }
}
