package io.sightline.server.result;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Streams a stored result as JSON in answer to a run; downloads are {@link ResultDownloads}'. */
public final class ResultResponses {

    private ResultResponses() {
    }

    static ResponseEntity<?> json(ResultStore store, StoredResult result, ResultJsonWriter.RowWindow window) {
        return AnswerBodies.of(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON), result,
                out -> ResultJsonWriter.write(result, window, store, out));
    }

    /** Rejects a bad first-rows count before any work is done (400 naming the bounds). */
    public static void checkFirstRows(Integer rows) {
        if (rows != null) {
            ResultController.window(0L, rows);
        }
    }

    /**
     * The result of the caller's own run with only its first {@code rows} rows (a paging client's first page); null:
     * all rows. Any other result goes through {@link ResultAccess} first.
     */
    public static ResponseEntity<?> json(ResultStore store, long resultId, Integer rows) {
        return json(store, store.get(resultId), rows == null ? null : ResultController.window(0L, rows));
    }

    /**
     * As {@link #json(ResultStore, long, Integer)}, with top-level fields before {@code query_result}: a run that
     * ended while its request waited is answered with its {@code job} and its result.
     */
    public static ResponseEntity<?> json(ResultStore store, long resultId, Integer rows, Map<String, ?> beside) {
        StoredResult result = store.get(resultId);
        ResultJsonWriter.RowWindow window = rows == null ? null : ResultController.window(0L, rows);
        return AnswerBodies.of(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON), result,
                out -> ResultJsonWriter.write(result, window, store, out, beside));
    }
}
