package io.sightline.server.result;

import io.sightline.server.system.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/query_results/{id}[.json|.csv]}, whole or a window of rows ({@code ?offset=&limit=}), for callers
 * who may read it ({@link ResultAccess}).
 */
@RestController
class ResultController {

    static final int MAX_PAGE_ROWS = 50_000;

    private final ResultStore store;
    private final ResultAccess access;

    ResultController(ResultStore store, ResultAccess access) {
        this.store = store;
        this.access = access;
    }

    @GetMapping({"/api/query_results/{id}", "/api/query_results/{id}.json"})
    ResponseEntity<StreamingResponseBody> json(@PathVariable long id,
                                               @RequestParam(required = false) Long offset,
                                               @RequestParam(required = false) Integer limit) {
        return ResultResponses.json(store, access.readable(id), window(offset, limit));
    }

    @GetMapping("/api/query_results/{id}.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable long id) {
        return ResultResponses.csv(store, access.readable(id), "query_result_" + id + ".csv");
    }

    static ResultJsonWriter.RowWindow window(Long offset, Integer limit) {
        if (offset == null && limit == null) {
            return null;
        }
        long from = offset == null ? 0 : offset;
        int count = limit == null ? 1_000 : limit;
        if (from < 0) {
            throw ApiException.badRequest("offset must be 0 or more, was " + from);
        }
        if (count < 1 || count > MAX_PAGE_ROWS) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_PAGE_ROWS + ", was " + count);
        }
        return new ResultJsonWriter.RowWindow(from, count);
    }
}
