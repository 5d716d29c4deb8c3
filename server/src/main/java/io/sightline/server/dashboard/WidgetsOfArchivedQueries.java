package io.sightline.server.dashboard;

import io.sightline.server.query.QueryArchived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Archiving a query removes its widgets from every dashboard, as Redash's {@code Query.archive} does. */
@Component
class WidgetsOfArchivedQueries {

    private final JdbcClient jdbc;

    WidgetsOfArchivedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(QueryArchived event) {
        jdbc.sql("DELETE FROM widgets WHERE visualization_id IN (SELECT id FROM visualizations WHERE query_id = ?)")
                .param(event.queryId()).update();
    }
}
