package io.sightline.desktop.results;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where an export goes: asks the user for a file. The window asks a native save dialog; a test, which cannot
 * drive one, answers with a path of its own.
 */
@FunctionalInterface
public interface SaveTarget {

    /**
     * @param kind      what the file holds, as the dialog's filter names it ("CSV file")
     * @param extension the file name ending with its dot (".csv")
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> choose(String kind, String extension, Window owner);

    /** The platform's save dialog, suggesting {@code result.<extension>}. */
    static SaveTarget fileChooser() {
        return (kind, extension, owner) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the result");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*" + extension));
            chooser.setInitialFileName("result" + extension);
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
