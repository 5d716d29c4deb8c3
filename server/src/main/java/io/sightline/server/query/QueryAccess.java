package io.sightline.server.query;

import io.sightline.server.auth.AccessGrants;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.datasource.DataSourceAccess;
import io.sightline.server.datasource.DataSourceReach;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.system.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see, save and vouch for a saved query, by their access to its data source (decision 0013): seeing needs
 * a group that reaches it (view-only is enough; otherwise the query is "not found"), saving needs full access, and
 * a query's SQL is trusted for view-only runs and schedules only while its owner is enabled and has full access.
 */
@Component
class QueryAccess {

    private final QueryRepository queries;
    private final DataSources dataSources;
    private final Users users;
    private final AccessGrants grants;

    QueryAccess(QueryRepository queries, DataSources dataSources, Users users, AccessGrants grants) {
        this.queries = queries;
        this.dataSources = dataSources;
        this.users = users;
        this.grants = grants;
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Query " + id + " does not exist");
    }

    DataSourceReach reach(SightlineUser user) {
        return dataSources.reach(user);
    }

    /**
     * The query, archived or not, if the user reaches its data source.
     *
     * @throws ApiException 404, the same for a query that does not exist and one the user may not see
     */
    QueryRow visible(long id, SightlineUser user) {
        return queries.find(id).filter(row -> reach(user).reaches(row.dataSourceId())).orElseThrow(() -> notFound(id));
    }

    /**
     * Changing the query or what belongs to it: {@code edit_query}, and being its owner, an admin or granted
     * {@code modify} on it.
     *
     * @throws ApiException 403 naming who may
     */
    void requireModify(SightlineUser user, QueryRow query) {
        QueryPermissions.requireModify(user, query, grants.mayModify(AccessGrants.QUERIES, query.id(), user.id()));
    }

    /**
     * Saving SQL for a data source (create, update, fork) needs what running any SQL on it needs: full access.
     *
     * @throws ApiException 400 for an unknown data source, 403 naming it for view-only or no access
     */
    void requireFullAccess(SightlineUser user, long dataSourceId) {
        if (!dataSources.exists(dataSourceId)) {
            throw ApiException.badRequest("Data source " + dataSourceId + " does not exist");
        }
        DataSourceAccess access = dataSources.access(dataSourceId, user); // 403 "no access" naming it
        if (access.viewOnly()) {
            throw ApiException.forbidden("You have view-only access to data source '" + access.info().name()
                    + "': saving a query on it needs full access");
        }
    }

    /**
     * Why the query's owner no longer vouches for its SQL: they are disabled (or gone), or lost full access to its
     * data source. Empty while they are enabled and have full access (an enabled admin always has).
     */
    Optional<String> ownerMayNotRun(QueryRow query) {
        Optional<SightlineUser> owner = users.enabled(query.userId());
        if (owner.isEmpty()) {
            return Optional.of("its owner (user " + query.userId() + ") is disabled");
        }
        if (dataSources.fullAccess(query.dataSourceId(), owner.get())) {
            return Optional.empty();
        }
        String dataSource = dataSources.exists(query.dataSourceId())
                ? "'" + dataSources.info(query.dataSourceId()).name() + "'" : String.valueOf(query.dataSourceId());
        return Optional.of("its owner " + owner.get().name() + " (user " + query.userId()
                + ") does not have full access to data source " + dataSource);
    }
}
