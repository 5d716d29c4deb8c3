package io.sightline.desktop.share;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A dashboard parameter in the embed-link section: whether the link fixes it, and to which value (as the page's
 * address writes it: {@code EMEA}, {@code 2026-01-01--2026-03-31}). It starts at the dashboard's own value.
 */
public final class LockedParameter {

    private final String name;
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final StringProperty value;

    public LockedParameter(String name, String value) {
        this.name = name;
        this.value = new SimpleStringProperty(value);
    }

    public String name() {
        return name;
    }

    public BooleanProperty lockedProperty() {
        return locked;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
