package io.sightline.desktop.visualization;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** A drawing as an image: saved as PNG or SVG ({@link SvgExport}), or put on the clipboard. */
public final class ImageExport {

    private ImageExport() {
    }

    /**
     * The drawing as it is on screen, on an opaque background of the theme's colour (white when unknown), at the
     * drawing's own size (as the SVG): a tick label spilling a pixel or two past its edge does not widen the image.
     */
    public static WritableImage snapshot(Node drawing) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(drawing.getScene() != null && drawing.getScene().getFill() instanceof Color c
                && c.getOpacity() > 0 ? c : Color.WHITE);
        Bounds size = drawing.getLayoutBounds();
        if (size.getWidth() > 0 && size.getHeight() > 0) {
            parameters.setViewport(new Rectangle2D(size.getMinX(), size.getMinY(), size.getWidth(),
                    size.getHeight()));
        }
        return drawing.snapshot(parameters, null);
    }

    public static void writePng(Node drawing, Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot(drawing), null), "png", file.toFile());
    }

    public static void copy(Node drawing) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(snapshot(drawing));
        Clipboard.getSystemClipboard().setContent(content);
    }

    static void savePng(Node owner, Node drawing, String name, Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(fileName(name) + ".png");
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            writePng(drawing, file.toPath());
            status.accept("Saved " + file.getName() + ".");
        } catch (IOException e) {
            status.accept("Could not save " + file.getName() + ": " + e.getMessage());
        }
    }

    static void saveSvg(Node owner, Node drawing, String name, Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as SVG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG image", "*.svg"));
        chooser.setInitialFileName(fileName(name) + ".svg");
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            SvgExport.write(drawing, file.toPath());
            status.accept("Saved " + file.getName() + ".");
        } catch (IOException e) {
            status.accept("Could not save " + file.getName() + ": " + e.getMessage());
        }
    }

    static String fileName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N} ._-]+", "").strip();
        return cleaned.isEmpty() ? "visualization" : cleaned;
    }
}
