package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The header of a complete stored result: everything but the rows.
 *
 * @param ownerId the one user who may read it, when it is their own run; null for everyone's results
 */
public record StoredResult(long id, long dataSourceId, String queryHash, String queryText, List<Column> columns,
                           long rowCount, int pageSize, boolean truncated, int rowLimit, double runtime,
                           OffsetDateTime retrievedAt, Long ownerId) {

    int pageCount() {
        return (int) ((rowCount + pageSize - 1) / pageSize);
    }
}
