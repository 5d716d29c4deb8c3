package io.sightline.server.query;

import io.sightline.server.datasource.DataSourceDeleted;
import io.sightline.server.system.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What deleting a data source does to the saved queries on it. Archived queries go with it (Redash keeps them,
 * detached from any data source; a Sightline query always has one, and nobody could run or restore them). Queries
 * still in use stop the delete with 409 saying how many there are and what to do, rather than being lost.
 */
@Component
class QueriesOfDeletedDataSource {

    private final JdbcClient jdbc;

    QueriesOfDeletedDataSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the deleting transaction: a refusal here rolls the whole delete back. */
    @EventListener
    void onDelete(DataSourceDeleted deleted) {
        long live = jdbc.sql("SELECT COUNT(*) FROM queries WHERE data_source_id = ? AND is_archived = FALSE")
                .param(deleted.id()).query(Long.class).single();
        if (live > 0) {
            throw ApiException.conflict("Data source '" + deleted.name() + "' still has " + live + " saved "
                    + (live == 1 ? "query" : "queries") + " that " + (live == 1 ? "is" : "are") + " not archived."
                    + " Archive " + (live == 1 ? "it" : "them") + " (DELETE /api/queries/{id}) or move "
                    + (live == 1 ? "it" : "them") + " to another data source (POST /api/queries/{id} with"
                    + " data_source_id), then delete the data source; archived queries are deleted with it.");
        }
        jdbc.sql("DELETE FROM queries WHERE data_source_id = ? AND is_archived = TRUE").param(deleted.id()).update();
    }
}
