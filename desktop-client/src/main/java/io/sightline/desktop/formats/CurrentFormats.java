package io.sightline.desktop.formats;

import io.sightline.common.visualization.OrganizationFormats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The formats of the organization the workbench is signed in to (from {@code client_config} of
 * {@code GET /api/session}, again after an admin saves the settings): the grid and the visualizations show
 * numbers and dates in them and draw again when they change. The application is signed in to one server at a
 * time; until it is, Redash's defaults. Read and changed on the FX thread.
 */
public final class CurrentFormats {

    private static final ReadOnlyObjectWrapper<OrganizationFormats> FORMATS =
            new ReadOnlyObjectWrapper<>(OrganizationFormats.DEFAULTS);

    private CurrentFormats() {
    }

    public static OrganizationFormats get() {
        return FORMATS.get();
    }

    public static ReadOnlyObjectProperty<OrganizationFormats> property() {
        return FORMATS.getReadOnlyProperty();
    }

    /** The server's formats; {@code null} is Redash's defaults. */
    public static void set(OrganizationFormats formats) {
        FORMATS.set(formats == null ? OrganizationFormats.DEFAULTS : formats);
    }
}
