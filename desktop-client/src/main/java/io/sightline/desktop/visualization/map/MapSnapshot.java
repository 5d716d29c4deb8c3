package io.sightline.desktop.visualization.map;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a node draws as PNG, without javafx-swing: the snapshot's pixels are copied into an AWT image that
 * {@link ImageIO} writes. Call {@link #snapshot} on the FX thread; {@link #writePng} anywhere.
 */
public final class MapSnapshot {

    private MapSnapshot() {
    }

    /** The node as drawn now, at its size, scaled by {@code scale} (2 for a sharper image). FX thread only. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        return node.snapshot(parameters, null);
    }

    public static void writePng(Image image, OutputStream out) throws IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, w, h, argb, 0, w);
        if (!ImageIO.write(buffered, "png", out)) {
            throw new IOException("no PNG writer");
        }
    }

    public static void writePng(Image image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(image, out);
        }
    }
}
