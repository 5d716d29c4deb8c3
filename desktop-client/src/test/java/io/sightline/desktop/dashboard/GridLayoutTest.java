package io.sightline.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.dashboard.WidgetViewModel.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Drags in pixels becoming grid cells, and overlapped widgets pushed down. Columns of 80 px, rows of 50 px. */
class GridLayoutTest {

    private static final Position START = new Position(2, 3, 4, 5);

    @ParameterizedTest(name = "a move by {0},{1} px lands at column {2}, row {3}")
    @CsvSource({
            "0, 0, 2, 3",
            "39, 24, 2, 3",      // less than half a cell: stays
            "41, 26, 3, 4",      // more than half: the next cell
            "-170, -100, 0, 1",
            "-1000, -1000, 0, 0", // not past the top-left
            "1000, 0, 8, 3",     // not past the right edge: 8 + 4 columns = 12
            "0, 510, 2, 13"})
    void snapsAMoveToTheNearestCellOnTheGrid(double dx, double dy, int col, int row) {
        assertThat(GridLayout.moved(START, dx, dy, 80, 50)).isEqualTo(new Position(col, row, 4, 5));
    }

    @ParameterizedTest(name = "a resize by {0},{1} px gives {2} columns by {3} rows")
    @CsvSource({
            "0, 0, 4, 5",
            "160, 100, 6, 7",
            "-1000, -1000, 1, 1", // at least one cell
            "1000, 0, 10, 5"})    // column 2 + 10 = 12: not past the right edge
    void snapsAResizeToWholeCellsOnTheGrid(double dx, double dy, int sizeX, int sizeY) {
        assertThat(GridLayout.resized(START, dx, dy, 80, 50)).isEqualTo(new Position(2, 3, sizeX, sizeY));
    }

    @Test
    void pushesTheWidgetsAMovedOneOverlapsDownBelowIt() {
        Map<String, Position> layout = new LinkedHashMap<>();
        layout.put("moved", new Position(0, 0, 6, 4));
        layout.put("under", new Position(3, 2, 6, 3));   // overlaps the moved one
        layout.put("beneath", new Position(3, 5, 6, 2)); // overlapped once "under" moves down
        layout.put("aside", new Position(8, 0, 4, 2));   // overlaps only "under"'s old place

        Map<String, Position> after = GridLayout.pushedDown(layout, "moved");

        assertThat(after.get("moved")).isEqualTo(new Position(0, 0, 6, 4));
        assertThat(after.get("aside")).isEqualTo(new Position(8, 0, 4, 2));
        assertThat(after.get("under")).isEqualTo(new Position(3, 4, 6, 3));
        assertThat(after.get("beneath")).isEqualTo(new Position(3, 7, 6, 2));
        List<Position> all = List.copyOf(after.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(GridLayout.overlap(all.get(i), all.get(j))).as(all.get(i) + " and " + all.get(j)).isFalse();
            }
        }
    }

    @Test
    void leavesALayoutWithoutOverlapsAsItIs() {
        Map<String, Position> layout = Map.of("a", new Position(0, 0, 6, 4), "b", new Position(6, 0, 6, 4),
                "c", new Position(0, 4, 12, 2));
        assertThat(GridLayout.pushedDown(layout, "a")).isEqualTo(layout);
    }

    @Test
    void putsANewWidgetBelowEveryOther() {
        assertThat(GridLayout.below(List.of(new Position(0, 0, 6, 4), new Position(6, 2, 6, 5)), 6, 3))
                .isEqualTo(new Position(0, 7, 6, 3));
        assertThat(GridLayout.below(List.of(), 20, 0)).isEqualTo(new Position(0, 0, 12, 1));
    }
}
