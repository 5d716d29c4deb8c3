package io.sightline.server.result;

import io.sightline.server.query.SavedQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A saved query's results: {@code GET /api/queries/{id}/results[.json|.csv|.tsv|.xlsx]} (its latest) and
 * {@code GET /api/queries/{id}/results/{result}[.json|.csv|.tsv|.xlsx]}, for users who reach the query's data source
 * and for the query's own API key (Redash's embed case), named after the query ({@link ResultDownloads}).
 */
@RestController
class QueryResultsController {

    private final ResultAccess access;
    private final ResultDownloads downloads;

    QueryResultsController(ResultAccess access, ResultDownloads downloads) {
        this.access = access;
        this.downloads = downloads;
    }

    /** The latest result, whole or the rows {@code ?offset=&limit=} as on {@code GET /api/query_results/{id}}. */
    @GetMapping({"/api/queries/{id}/results", "/api/queries/{id}/results.json"})
    ResponseEntity<?> latestJson(@PathVariable long id, @RequestParam(required = false) Long offset,
                                 @RequestParam(required = false) Integer limit) {
        ResultController.window(offset, limit);
        SavedQuery query = access.readableQuery(id);
        return downloads.json(access.latestOf(query), query, offset, limit, false);
    }

    @GetMapping({"/api/queries/{id}/results.csv", "/api/queries/{id}/results.tsv", "/api/queries/{id}/results.xlsx"})
    ResponseEntity<StreamingResponseBody> latestFile(@PathVariable long id, HttpServletRequest request) {
        SavedQuery query = access.readableQuery(id);
        return downloads.file(access.latestOf(query), query, DownloadFormat.ofPath(request.getRequestURI()), false);
    }

    /**
     * A result by id under a query's path, as Redash's web client and example scripts fetch it ({@code getById},
     * {@code get_fresh_query_result}): for who may see the query and read the result; paged as above. As in Redash,
     * the result need not be one of this query's for a signed-in user; for the query's own API key it must be.
     */
    @GetMapping({"/api/queries/{id}/results/{resultId}", "/api/queries/{id}/results/{resultId}.json"})
    ResponseEntity<?> resultJson(@PathVariable long id, @PathVariable long resultId,
                                 @RequestParam(required = false) Long offset, @RequestParam(required = false) Integer limit) {
        ResultController.window(offset, limit);
        SavedQuery query = access.readableQuery(id);
        return downloads.json(access.readable(resultId), query, offset, limit, true);
    }

    @GetMapping({"/api/queries/{id}/results/{resultId}.csv", "/api/queries/{id}/results/{resultId}.tsv",
            "/api/queries/{id}/results/{resultId}.xlsx"})
    ResponseEntity<StreamingResponseBody> resultFile(@PathVariable long id, @PathVariable long resultId,
                                                     HttpServletRequest request) {
        SavedQuery query = access.readableQuery(id);
        return downloads.file(access.readable(resultId), query, DownloadFormat.ofPath(request.getRequestURI()), true);
    }
}
