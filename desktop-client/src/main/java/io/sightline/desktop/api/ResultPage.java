package io.sightline.desktop.api;

import io.sightline.common.api.execution.Column;
import java.util.List;

/**
 * A window of a stored result ({@code GET /api/query_results/{id}?offset=&limit=}): the header facts and
 * rows {@code offset .. offset + rows.size()}, each an array in column order.
 *
 * @param runtime seconds the query took on the database
 * @param truncated the database had more rows than {@code rowLimit}; only the first ones were kept
 */
public record ResultPage(long id, double runtime, String retrievedAt, long rowCount, boolean truncated,
                         long rowLimit, long offset, List<Column> columns, List<Object[]> rows) {
}
