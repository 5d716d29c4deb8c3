package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import java.util.List;

/** What a result's header says about it before its rows are known: where it came from and how it is paged. */
record ResultSpec(long dataSourceId, String queryHash, String queryText, List<Column> columns, int pageSize,
                  int rowLimit, Long ownerId) {
}
