package io.sightline.server.alert;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * An alert is seen by whoever reaches its query's data source (view-only is enough; admins reach all), and changed
 * by its owner or an admin. What a caller may not see is answered exactly as what does not exist (404).
 */
@Component
class AlertAccess {

    private final AlertRepository alerts;
    private final SavedQueries queries;
    private final DataSources dataSources;

    AlertAccess(AlertRepository alerts, SavedQueries queries, DataSources dataSources) {
        this.alerts = alerts;
        this.queries = queries;
        this.dataSources = dataSources;
    }

    /** @throws ApiException 404 "Alert N does not exist", also when the caller does not reach its data source */
    AlertRow visible(long id, SightlineUser caller) {
        return alerts.find(id).filter(alert -> reaches(alert.queryId(), caller))
                .orElseThrow(() -> ApiException.notFound("Alert " + id + " does not exist"));
    }

    /** @throws ApiException 404 as {@link #visible}, 403 when the caller sees it but is neither owner nor admin */
    AlertRow modifiable(long id, SightlineUser caller) {
        AlertRow alert = visible(id, caller);
        if (!caller.isAdmin() && alert.userId() != caller.id()) {
            throw ApiException.forbidden("Only the alert's owner or an admin may change alert " + id);
        }
        return alert;
    }

    /** @throws ApiException 404 naming {@code query_id} when there is no such query or the caller does not reach it */
    SavedQuery reachableQuery(long queryId, SightlineUser caller) {
        return queries.find(queryId).filter(q -> dataSources.reaches(q.dataSourceId(), caller))
                .orElseThrow(() -> ApiException.notFound("'query_id': query " + queryId + " does not exist"));
    }

    boolean reaches(long queryId, SightlineUser caller) {
        return queries.find(queryId).filter(q -> dataSources.reaches(q.dataSourceId(), caller)).isPresent();
    }
}
