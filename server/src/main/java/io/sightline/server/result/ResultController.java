package io.sightline.server.result;

import io.sightline.server.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/query_results/{id}[.json]}, whole or a window of rows ({@code ?offset=&limit=}), and as a
 * {@code .csv}, {@code .tsv} or {@code .xlsx} file, for callers who may read it ({@link ResultAccess}); named by the
 * result's id, as Redash names a result without a query ({@link ResultDownloads}).
 */
@RestController
class ResultController {

    static final int MAX_PAGE_ROWS = 50_000;

    private final ResultAccess access;
    private final ResultDownloads downloads;

    ResultController(ResultAccess access, ResultDownloads downloads) {
        this.access = access;
        this.downloads = downloads;
    }

    @GetMapping({"/api/query_results/{id}", "/api/query_results/{id}.json"})
    ResponseEntity<?> json(@PathVariable long id, @RequestParam(required = false) Long offset,
                           @RequestParam(required = false) Integer limit) {
        return downloads.json(access.readable(id), null, offset, limit, true);
    }

    @GetMapping({"/api/query_results/{id}.csv", "/api/query_results/{id}.tsv", "/api/query_results/{id}.xlsx"})
    ResponseEntity<StreamingResponseBody> file(@PathVariable long id, HttpServletRequest request) {
        return downloads.file(access.readable(id), null, DownloadFormat.ofPath(request.getRequestURI()), true);
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
