package io.sightline.desktop.visualization.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid clustering per zoom level: at level z (a world of 256 × 2<sup>z</sup> pixels, as Leaflet's zoom) the plane is
 * cut into cells of {@link #CELL_PIXELS} pixels and the points of one group in one cell become one cluster at their
 * centroid. The grid is fixed to the world, so clusters do not move while panning; each level is computed once.
 * From {@link #MAX_LEVEL} on, every point stands alone.
 */
final class GridClusterer {

    static final double CELL_PIXELS = 60;
    static final int MAX_LEVEL = 16;

    /** A cluster (or a single point when {@code count} is 1, then {@code first} is its index). */
    record Cluster(double x, double y, int count, int group, int first) {}

    private record Cell(long x, long y, int group) {}

    private final double[] xs;
    private final double[] ys;
    private final int[] groups;
    private final Map<Integer, List<Cluster>> byLevel = new HashMap<>();

    GridClusterer(double[] xs, double[] ys, int[] groups) {
        this.xs = xs;
        this.ys = ys;
        this.groups = groups;
    }

    /** The level of a view scale (pixels per world unit): round(log2(scale)). */
    static int level(double scale) {
        return (int) Math.round(Math.log(scale) / Math.log(2));
    }

    synchronized List<Cluster> clusters(int level) {
        return byLevel.computeIfAbsent(Math.min(level, MAX_LEVEL), this::compute);
    }

    private List<Cluster> compute(int level) {
        if (level >= MAX_LEVEL) {
            List<Cluster> singles = new ArrayList<>(xs.length);
            for (int i = 0; i < xs.length; i++) {
                singles.add(new Cluster(xs[i], ys[i], 1, groups[i], i));
            }
            return singles;
        }
        double cell = CELL_PIXELS / Math.pow(2, level);
        Map<Cell, double[]> cells = new HashMap<>();
        List<double[]> order = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            long cx = (long) Math.floor(xs[i] / cell), cy = (long) Math.floor(ys[i] / cell);
            Cell key = new Cell(cx, cy, groups[i]);
            double[] acc = cells.get(key);
            if (acc == null) {
                acc = new double[] {0, 0, 0, groups[i], i};
                cells.put(key, acc);
                order.add(acc);
            }
            acc[0] += xs[i];
            acc[1] += ys[i];
            acc[2]++;
        }
        List<Cluster> clusters = new ArrayList<>(order.size());
        for (double[] acc : order) {
            clusters.add(new Cluster(acc[0] / acc[2], acc[1] / acc[2], (int) acc[2], (int) acc[3], (int) acc[4]));
        }
        return clusters;
    }
}
