package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSourceReach;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.PageRange;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads queries into their JSON shape: one, a page, the tag counts. */
@Service
class QueryLists {

    private final QueryRepository queries;
    private final QueryTagRepository tags;
    private final QueryFavoriteRepository favorites;
    private final QueryJsonMapper mapper;
    private final QueryAccess access;
    private final QueryVisualizations visualizations;

    QueryLists(QueryRepository queries, QueryTagRepository tags, QueryFavoriteRepository favorites,
               QueryJsonMapper mapper, QueryAccess access, QueryVisualizations visualizations) {
        this.visualizations = visualizations;
        this.access = access;
        this.queries = queries;
        this.tags = tags;
        this.favorites = favorites;
        this.mapper = mapper;
    }

    /**
     * The query as the caller sees it ({@code is_favorite} is the caller's star), with its visualizations.
     *
     * @throws ApiException 404 when there is no such query or the caller does not reach its data source
     */
    Query one(long id, SightlineUser caller) {
        QueryRow row = access.visible(id, caller);
        return mapper.query(row, tags.tags(id), !favorites.starred(caller.id(), List.of(id)).isEmpty(),
                visualizations.of(id), caller);
    }

    /**
     * The queries among {@code ids} the caller sees (archived or not), by id, each as {@link #one} shows it, in one
     * read of each kind (a dashboard's widgets); ids that do not exist or are out of the caller's reach are left out.
     */
    java.util.Map<Long, Query> some(java.util.Collection<Long> ids, SightlineUser caller) {
        DataSourceReach reach = access.reach(caller);
        List<QueryRow> rows = ids.stream().distinct().map(queries::find).flatMap(java.util.Optional::stream)
                .filter(row -> reach.reaches(row.dataSourceId())).toList();
        List<Long> visible = rows.stream().map(QueryRow::id).toList();
        if (visible.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Query> byId = new java.util.LinkedHashMap<>();
        mapper.queries(rows, tags.tags(visible), favorites.starred(caller.id(), visible), visualizations.of(visible),
                caller).forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    /** A page of the queries the filter and the caller's data sources allow, counted in the same SQL. */
    QueryPage page(QueryFilter unscoped, SightlineUser caller) {
        QueryFilter filter = unscoped.within(access.reach(caller));
        long count = queries.count(filter);
        PageRange.checkCount(count, filter.page(), filter.pageSize());
        List<QueryRow> rows = count > filter.offset() ? queries.list(filter) : List.of();
        return new QueryPage(count, filter.page(), filter.pageSize(), json(rows, filter, caller));
    }

    /** The first page of what the filter allows, as a plain list (for lists Redash does not page). */
    List<Query> firstPage(QueryFilter unscoped, SightlineUser caller) {
        QueryFilter filter = unscoped.within(access.reach(caller));
        return json(queries.list(filter), filter, caller);
    }

    private List<Query> json(List<QueryRow> rows, QueryFilter filter, SightlineUser caller) {
        List<Long> ids = rows.stream().map(QueryRow::id).toList();
        return mapper.queries(rows, tags.tags(ids), favorites.starred(filter.callerId(), ids), visualizations.of(ids),
                caller);
    }

    /** Tags of the queries the caller may see, with how many of those carry each. */
    QueryTags tagCounts(SightlineUser caller) {
        DataSourceReach reach = access.reach(caller);
        return new QueryTags(tags.counts(reach.all() ? null : reach.ids()));
    }
}
