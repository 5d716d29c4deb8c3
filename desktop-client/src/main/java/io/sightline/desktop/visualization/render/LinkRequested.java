package io.sightline.desktop.visualization.render;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import java.util.function.Consumer;

/**
 * A click on a link drawn in a visualization (a table's link column), bubbling up to the window, which opens it in
 * the system's browser: renderers need not know how the application reaches the browser.
 */
public final class LinkRequested extends Event {

    public static final EventType<LinkRequested> ANY = new EventType<>(Event.ANY, "LINK_REQUESTED");

    private final String url;

    public LinkRequested(String url) {
        super(ANY);
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Opens every link clicked in {@code scene} with {@code browser}. */
    public static void openIn(Scene scene, Consumer<String> browser) {
        scene.addEventHandler(ANY, e -> {
            e.consume();
            browser.accept(e.url());
        });
    }
}
