package io.sightline.server.execution.parameters;

import io.sightline.common.parameter.QueryOptionsSource;
import io.sightline.server.result.ResultAccess;
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
    private final ResultAccess access;

    DropdownController(DeclaredParameters declared, ResultAccess access) {
        this.declared = declared;
        this.access = access;
    }

    /** For users who reach query {@code id}'s data source (404 as for a missing query otherwise). */
    @GetMapping("/api/queries/{id}/dropdown")
    List<DropdownOption> dropdown(@PathVariable long id) {
        access.readableQuery(id);
        return options(id);
    }

    /**
     * Redash's {@code GET /api/queries/{id}/dropdowns/{queryId}}, which its web client asks for a saved query's
     * dropdown: the options of query {@code queryId}. Unlike Redash, the caller must reach the data sources of
     * both queries (404 otherwise), even when query {@code id} declares the dropdown: options are data.
     */
    @GetMapping("/api/queries/{id}/dropdowns/{queryId}")
    List<DropdownOption> dropdownOf(@PathVariable long id, @PathVariable long queryId) {
        access.readableQuery(id);
        access.readableQuery(queryId);
        return options(queryId);
    }

    private List<DropdownOption> options(long queryId) {
        try {
            return declared.dropdown(queryId);
        } catch (QueryOptionsSource.Unavailable e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
