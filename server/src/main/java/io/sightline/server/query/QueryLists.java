package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads queries into their JSON shape: one, a page, the tag counts. */
@Service
class QueryLists {

    private final QueryRepository queries;
    private final QueryTagRepository tags;
    private final QueryFavoriteRepository favorites;
    private final QueryJsonMapper mapper;

    QueryLists(QueryRepository queries, QueryTagRepository tags, QueryFavoriteRepository favorites,
               QueryJsonMapper mapper) {
        this.queries = queries;
        this.tags = tags;
        this.favorites = favorites;
        this.mapper = mapper;
    }

    /** The query as the caller sees it ({@code is_favorite} is the caller's star). */
    Query one(long id, SightlineUser caller) {
        QueryRow row = queries.find(id).orElseThrow(() -> ApiException.notFound("Query " + id + " does not exist"));
        return mapper.query(row, tags.tags(id), !favorites.starred(caller.id(), List.of(id)).isEmpty(), caller);
    }

    QueryPage page(QueryFilter filter, SightlineUser caller) {
        long count = queries.count(filter);
        List<QueryRow> rows = count > filter.offset() ? queries.list(filter) : List.of();
        List<Long> ids = rows.stream().map(QueryRow::id).toList();
        return new QueryPage(count, filter.page(), filter.pageSize(),
                mapper.queries(rows, tags.tags(ids), favorites.starred(filter.callerId(), ids), caller));
    }

    QueryTags tagCounts() {
        return new QueryTags(tags.counts());
    }
}
