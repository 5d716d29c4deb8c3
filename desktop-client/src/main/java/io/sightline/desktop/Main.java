package io.sightline.desktop;

import javafx.application.Application;

/**
 * Starts the workbench from a plain classpath: a main class that is not an {@link Application} keeps the
 * JavaFX launcher from insisting on the module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(SightlineApp.class, args);
    }
}
