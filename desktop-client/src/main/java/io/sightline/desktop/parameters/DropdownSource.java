package io.sightline.desktop.parameters;

import io.sightline.desktop.api.DropdownOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the form gets the options of a query-based dropdown (the server's {@code /api/queries/{id}/dropdown}).
 * Answers on the FX thread: {@code loaded} with the options, or {@code failed} with a message for the user.
 */
@FunctionalInterface
public interface DropdownSource {

    /** For a form without a server (tests, offline). */
    DropdownSource NONE = (queryId, loaded, failed) -> failed.accept("query-based options are not available here");

    void load(long queryId, Consumer<List<DropdownOption>> loaded, Consumer<String> failed);
}
