package io.sightline.desktop.visualization.render;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TableRow;

/**
 * Which result row a drawn node stands for, so that a click on a bar, slice, point or table row can act on that
 * row (a drill-through): renderers mark their nodes with {@link #mark}; {@link #of} finds the row of a clicked
 * node or of its nearest marked ancestor. A table row needs no mark: its item is the row; a map marks itself, at
 * each click, with the row of the region or lone marker under the pointer.
 */
public final class ClickedRow {

    private static final String KEY = "sightline.result-row";

    private ClickedRow() {
    }

    /** Marks {@code node} as standing for {@code row} (a result row: column name to value); null unmarks it. */
    public static void mark(Node node, Map<String, Object> row) {
        if (node == null) {
            return;
        }
        if (row == null) {
            node.getProperties().remove(KEY);
        } else {
            node.getProperties().put(KEY, row);
        }
    }

    /** The row of {@code picked} (the node a click hit) or of the nearest ancestor standing for one. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> of(Node picked) {
        for (Node node = picked; node != null; node = node.getParent()) {
            if (node.getProperties().get(KEY) instanceof Map<?, ?> row) {
                return Optional.of((Map<String, Object>) row);
            }
            if (node instanceof TableRow<?> tableRow && tableRow.getItem() instanceof Map<?, ?> row) {
                return Optional.of((Map<String, Object>) row);
            }
        }
        return Optional.empty();
    }
}
