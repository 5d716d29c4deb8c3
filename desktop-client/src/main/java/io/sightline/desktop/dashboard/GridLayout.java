package io.sightline.desktop.dashboard;

import io.sightline.desktop.dashboard.WidgetViewModel.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of editing a dashboard's layout on Redash's grid ({@value #COLUMNS} columns, rows of fixed
 * height): a drag of so many pixels becomes whole columns and rows, a widget stays on the grid, and widgets
 * overlapped by one moved or resized are pushed down below it.
 */
public final class GridLayout {

    public static final int COLUMNS = 12;

    private GridLayout() {
    }

    /** {@code start} moved by a drag of {@code dx}, {@code dy} pixels: to the nearest cell, kept on the grid. */
    public static Position moved(Position start, double dx, double dy, double columnWidth, double rowHeight) {
        int col = clamp(start.col() + cells(dx, columnWidth), 0, COLUMNS - start.sizeX());
        int row = Math.max(0, start.row() + cells(dy, rowHeight));
        return new Position(col, row, start.sizeX(), start.sizeY());
    }

    /**
     * {@code start} resized by a drag of its bottom-right corner by {@code dx}, {@code dy} pixels: at least one
     * cell, never past the grid's right edge.
     */
    public static Position resized(Position start, double dx, double dy, double columnWidth, double rowHeight) {
        int sizeX = clamp(start.sizeX() + cells(dx, columnWidth), 1, COLUMNS - start.col());
        int sizeY = Math.max(1, start.sizeY() + cells(dy, rowHeight));
        return new Position(start.col(), start.row(), sizeX, sizeY);
    }

    /**
     * The layout with widget {@code fixed} where it is and every widget overlapping another pushed down just below
     * it, top to bottom, so no two overlap; widgets that overlap nothing keep their place.
     */
    public static <K> Map<K, Position> pushedDown(Map<K, Position> layout, K fixed) {
        Map<K, Position> result = new LinkedHashMap<>(layout);
        List<K> placed = new ArrayList<>();
        if (result.containsKey(fixed)) {
            placed.add(fixed);
        }
        List<K> others = new ArrayList<>(result.keySet());
        others.remove(fixed);
        others.sort(Comparator.comparingInt((K k) -> result.get(k).row()).thenComparingInt(k -> result.get(k).col()));
        for (K key : others) {
            Position p = result.get(key);
            boolean moved = true;
            while (moved) {
                moved = false;
                for (K other : placed) {
                    Position q = result.get(other);
                    if (overlap(p, q)) {
                        p = new Position(p.col(), q.row() + q.sizeY(), p.sizeX(), p.sizeY());
                        moved = true;
                    }
                }
            }
            result.put(key, p);
            placed.add(key);
        }
        return result;
    }

    /** Where a new widget of {@code sizeX} by {@code sizeY} goes: the first column, below every widget. */
    public static Position below(Collection<Position> layout, int sizeX, int sizeY) {
        int bottom = layout.stream().mapToInt(p -> p.row() + p.sizeY()).max().orElse(0);
        return new Position(0, bottom, Math.min(COLUMNS, Math.max(1, sizeX)), Math.max(1, sizeY));
    }

    static boolean overlap(Position a, Position b) {
        return a.col() < b.col() + b.sizeX() && b.col() < a.col() + a.sizeX()
                && a.row() < b.row() + b.sizeY() && b.row() < a.row() + a.sizeY();
    }

    private static int cells(double pixels, double cell) {
        return (int) Math.round(pixels / cell);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
