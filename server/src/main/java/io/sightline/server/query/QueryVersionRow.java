package io.sightline.server.query;

import java.time.OffsetDateTime;

/** A row of the query_versions table. */
record QueryVersionRow(long version, String name, String description, String queryText, String options, long userId,
                       OffsetDateTime createdAt) {
}
