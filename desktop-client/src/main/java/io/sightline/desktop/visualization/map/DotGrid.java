package io.sightline.desktop.visualization.map;

import java.util.Arrays;

/**
 * Which group's dot was drawn last at each whole pixel of a frame, so that a dense marker map skips a dot that would
 * cover the same pixels in the same colour again (only a neighbour of another colour drawn between would show
 * through, by a pixel or two, where it would have been covered): 100,000 unclustered points over a world view land on far fewer
 * pixels, and each drawing call skipped is one the canvas does not have to render. Kept between frames (reset at
 * each) to spare allocating a frame-sized array per frame.
 */
final class DotGrid {

    private byte[] last = new byte[0]; // the group + 1, 0 for none: a byte a pixel keeps the frame's grid in cache
    private long minX;
    private long minY;
    private int width;
    private int height;

    /** Empties the grid for a frame over a screen area {minX, minY, maxX, maxY}. */
    DotGrid reset(double[] area) {
        minX = (long) Math.floor(area[0]);
        minY = (long) Math.floor(area[1]);
        width = (int) Math.max(0, Math.ceil(area[2]) - minX + 1);
        height = (int) Math.max(0, Math.ceil(area[3]) - minY + 1);
        if (last.length < width * height) {
            last = new byte[width * height];
        }
        Arrays.fill(last, 0, width * height, (byte) 0);
        return this;
    }

    /** Groups a grid tells apart; a map with more groups draws every dot. */
    static final int MAX_GROUPS = 126;

    /** True when the last dot drawn at this pixel was of this group; else records this one as drawn there. */
    boolean covered(long x, long y, int group) {
        long gx = x - minX, gy = y - minY;
        if (gx < 0 || gy < 0 || gx >= width || gy >= height) {
            return false; // in the margin drawn beyond the area: drawn, not recorded
        }
        int i = (int) (gy * width + gx);
        if (last[i] == group + 1) {
            return true;
        }
        last[i] = (byte) (group + 1);
        return false;
    }
}
