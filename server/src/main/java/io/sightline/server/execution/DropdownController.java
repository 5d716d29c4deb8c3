package io.sightline.server.execution;

import io.sightline.common.parameter.QueryOptionsSource;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redash's {@code GET /api/queries/{id}/dropdown}: the options a query-based dropdown offers, taken from the
 * latest result of query {@code id}, the same options a run of a query using that dropdown is checked against.
 */
@RestController
class DropdownController {

    private final DeclaredParameters declared;
    private final SavedQueries savedQueries;

    DropdownController(DeclaredParameters declared, SavedQueries savedQueries) {
        this.declared = declared;
        this.savedQueries = savedQueries;
    }

    @GetMapping("/api/queries/{id}/dropdown")
    List<DropdownOption> dropdown(@PathVariable long id) {
        if (savedQueries.find(id).isEmpty()) {
            throw ApiException.notFound("Query " + id + " does not exist");
        }
        try {
            return declared.dropdown(id);
        } catch (QueryOptionsSource.Unavailable e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
