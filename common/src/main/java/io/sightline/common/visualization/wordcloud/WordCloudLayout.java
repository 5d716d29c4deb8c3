package io.sightline.common.visualization.wordcloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the words of a word cloud without overlap, deterministically: largest first, each on an Archimedean spiral
 * out from the centre at the first spot where its box (turned with the word, plus a 3 px padding as Redash's d3-cloud
 * uses) touches no word placed before. Coordinates are around (0, 0); {@link #bounds()} is what a renderer scales to
 * fit its area. Words measured empty (blank text) are left out, and past the {@value #MAX_WORDS} first (the most
 * frequent) the rest are: placing thousands of words without overlap takes seconds (d3-cloud in Redash slows down
 * the same way), and the smallest of them would be unreadable.
 *
 * @param left how many words were not placed (past {@link #MAX_WORDS})
 */
public record WordCloudLayout(List<Placed> words, double[] bounds, int left) {

    public static final int MAX_WORDS = 500;

    public static final double PADDING = 3;
    private static final double SPIRAL_STEP = 0.1;
    private static final int MAX_STEPS = 200_000;

    /** How wide and tall a text is at a font size, in the renderer's own font. */
    @FunctionalInterface
    public interface Measure {
        double[] size(String text, double fontSize);
    }

    /**
     * A sans-serif's average proportions (0.55 em a character, 1.15 em a line), for a renderer that fits each word
     * to its box (the web viewer's SVG {@code textLength}) rather than measuring its font.
     */
    public static final Measure AVERAGE_SANS = (text, size) -> new double[] {
        Math.max(1, text.codePointCount(0, text.length())) * 0.55 * size, 1.15 * size};

    /**
     * A placed word: the centre of its text and its box as drawn (width and height swapped when turned).
     */
    public record Placed(WordCloudWords.Word word, double centerX, double centerY, double width, double height) {

        public boolean overlaps(Placed other) {
            return Math.abs(centerX - other.centerX) * 2 < width + other.width
                    && Math.abs(centerY - other.centerY) * 2 < height + other.height;
        }
    }

    public static WordCloudLayout of(List<WordCloudWords.Word> words, Measure measure) {
        List<Placed> placed = new ArrayList<>();
        Boxes boxes = new Boxes();
        int left = 0;
        for (WordCloudWords.Word word : words) {
            if (word.text().isBlank()) {
                continue;
            }
            if (placed.size() == MAX_WORDS) {
                left++;
                continue;
            }
            double[] size = measure.size(word.text(), word.size());
            boolean turned = word.angle() % 180 != 0;
            double w = turned ? size[1] : size[0];
            double h = turned ? size[0] : size[1];
            for (int step = 0; step < MAX_STEPS; step++) {
                double t = step * SPIRAL_STEP;
                double x = t * Math.cos(t) * 2;
                double y = t * Math.sin(t);
                double[] box = {x - w / 2 - PADDING, y - h / 2 - PADDING, x + w / 2 + PADDING, y + h / 2 + PADDING};
                if (boxes.free(box)) {
                    boxes.add(box);
                    placed.add(new Placed(word, x, y, w, h));
                    break;
                }
            }
        }
        double[] bounds = {0, 0, 0, 0};
        if (!placed.isEmpty()) {
            bounds = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Placed p : placed) {
                bounds[0] = Math.min(bounds[0], p.centerX() - p.width() / 2);
                bounds[1] = Math.min(bounds[1], p.centerY() - p.height() / 2);
                bounds[2] = Math.max(bounds[2], p.centerX() + p.width() / 2);
                bounds[3] = Math.max(bounds[3], p.centerY() + p.height() / 2);
            }
        }
        return new WordCloudLayout(List.copyOf(placed), bounds, left);
    }

    /**
     * The boxes placed so far, found through a grid of cells (so a spot is checked against its neighbours only),
     * the box that last stood in the way tried first (as d3-cloud does).
     */
    private static final class Boxes {
        private static final double CELL = 64;
        private final Map<Long, List<double[]>> cells = new HashMap<>();
        private double[] lastHit;

        boolean free(double[] box) {
            if (lastHit != null && overlap(box, lastHit)) {
                return false;
            }
            for (long cx = cell(box[0]); cx <= cell(box[2]); cx++) {
                for (long cy = cell(box[1]); cy <= cell(box[3]); cy++) {
                    List<double[]> here = cells.get(cx * 1_000_003L + cy);
                    if (here == null) {
                        continue;
                    }
                    for (double[] other : here) {
                        if (overlap(box, other)) {
                            lastHit = other;
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void add(double[] box) {
            for (long cx = cell(box[0]); cx <= cell(box[2]); cx++) {
                for (long cy = cell(box[1]); cy <= cell(box[3]); cy++) {
                    cells.computeIfAbsent(cx * 1_000_003L + cy, k -> new ArrayList<>()).add(box);
                }
            }
        }

        private static long cell(double coordinate) {
            return (long) Math.floor(coordinate / CELL);
        }

        private static boolean overlap(double[] a, double[] b) {
            return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        }
    }
}
