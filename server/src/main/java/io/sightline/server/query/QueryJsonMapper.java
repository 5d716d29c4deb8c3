package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryUser;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.parameter.Parameters;
import io.sightline.server.auth.AccessGrants;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.datasource.DataSources;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows to Redash-shaped JSON records. One mapper call looks each user up once. */
@Component
class QueryJsonMapper {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** What a caller without full access sees of a failed refresh: the database's text can quote the SQL. */
    static final String HIDDEN_SCHEDULE_ERROR = "The last scheduled refresh failed; someone with full access to its"
            + " data source can see why";

    private final JsonMapper json;
    private final Users users;
    private final DataSources dataSources;
    private final AccessGrants grants;
    private final LatestResultStats stats;

    QueryJsonMapper(JsonMapper json, Users users, DataSources dataSources, AccessGrants grants,
                    LatestResultStats stats) {
        this.stats = stats;
        this.json = json;
        this.users = users;
        this.dataSources = dataSources;
        this.grants = grants;
    }

    /** The query as {@code viewer} sees it: its API key only if they may change the query. */
    Query query(QueryRow row, List<String> tags, boolean favorite, List<Visualization> visualizations,
                SightlineUser viewer) {
        return query(row, tags, favorite, visualizations, userLookup(), viewer,
                grants.mayModify(AccessGrants.QUERIES, row.id(), viewer.id()),
                stats.of(Collections.singletonList(row.latestQueryDataId())));
    }

    List<Query> queries(List<QueryRow> rows, Map<Long, List<String>> tags, Set<Long> favorites,
                        Map<Long, List<Visualization>> visualizations, SightlineUser viewer) {
        Function<Long, QueryUser> lookup = userLookup();
        Set<Long> granted = grants.modifiableAmong(AccessGrants.QUERIES, rows.stream().map(QueryRow::id).toList(),
                viewer.id());
        Map<Long, LatestResultStats.Stats> latest = stats.of(rows.stream().map(QueryRow::latestQueryDataId).toList());
        return rows.stream().map(row -> query(row, tags.getOrDefault(row.id(), List.of()),
                favorites.contains(row.id()), visualizations.getOrDefault(row.id(), List.of()), lookup, viewer,
                granted.contains(row.id()), latest)).toList();
    }

    List<QueryVersion> versions(List<QueryVersionRow> rows) {
        Function<Long, QueryUser> lookup = userLookup();
        return rows.stream().map(row -> version(row, lookup)).toList();
    }

    QueryVersion version(QueryVersionRow row) {
        return version(row, userLookup());
    }

    private Query query(QueryRow row, List<String> tags, boolean favorite, List<Visualization> visualizations,
                        Function<Long, QueryUser> user, SightlineUser viewer, boolean granted,
                        Map<Long, LatestResultStats.Stats> latest) {
        LatestResultStats.Stats result = row.latestQueryDataId() == null ? null : latest.get(row.latestQueryDataId());
        long lastModifiedById = row.lastModifiedById() != null ? row.lastModifiedById() : row.userId();
        String apiKey = QueryPermissions.mayModify(viewer, row.userId()) ? row.apiKey() : null;
        Map<String, Object> options = object(row.options());
        return new Query(row.id(), row.name(), row.description(), row.queryText(), row.queryHash(),
                row.schedule() == null ? null : object(row.schedule()), apiKey, row.isArchived(), row.isDraft(),
                row.updatedAt(), row.createdAt(), row.dataSourceId(), options, row.version(), tags, Parameters.isSafe(options),
                row.latestQueryDataId(), user.apply(row.userId()),
                user.apply(lastModifiedById), visualizations, row.scheduleFailures(), scheduleError(row, viewer), favorite,
                QueryPermissions.canEdit(viewer, row, granted), lastModifiedById,
                result == null ? null : result.retrievedAt(), result == null ? null : result.runtime());
    }

    /** The refresh's error as the database wrote it only for callers with full access (issue 20, as job errors). */
    private String scheduleError(QueryRow row, SightlineUser viewer) {
        String error = row.scheduleLastError();
        return error == null || dataSources.fullAccess(row.dataSourceId(), viewer) ? error : HIDDEN_SCHEDULE_ERROR;
    }

    private QueryVersion version(QueryVersionRow row, Function<Long, QueryUser> user) {
        return new QueryVersion(row.version(), row.name(), row.description(), row.queryText(), object(row.options()),
                user.apply(row.userId()), row.createdAt());
    }

    private Map<String, Object> object(String jsonText) {
        return json.readValue(jsonText, OBJECT);
    }

    private Function<Long, QueryUser> userLookup() {
        Map<Long, QueryUser> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> users.summary(key)
                .map(u -> new QueryUser(u.id(), u.name(), u.email())).orElse(null));
    }
}
