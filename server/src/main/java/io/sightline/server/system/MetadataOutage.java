package io.sightline.server.system;

import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure to reach the metadata store, wherever it surfaces (a controller, a security filter, a
 * transaction that cannot begin), and the answer it gets: 503 with {@code Retry-After}, never a 500, and no log
 * line per request (the store's background check logs the outage once).
 */
final class MetadataOutage {

    /** Seconds a client should wait before trying again: the store's check runs twice a second. */
    static final String RETRY_AFTER_SECONDS = "5";
    static final String MESSAGE = "The metadata store (database) cannot be reached; try again in a few seconds";

    private MetadataOutage() {
    }

    /**
     * Spring's translated connection failures come only from the metadata store (data sources are reached with
     * plain JDBC); of the untranslated ones, only the metadata pool's own (a data source's pool has its own name).
     */
    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof MetadataStoreGate.Unreachable
                    || cause instanceof SQLTransientConnectionException pool
                            && String.valueOf(pool.getMessage()).startsWith(MetadataDatabase.POOL_NAME + " - ")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> answer() {
        ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem.getBody());
    }
}
