package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.server.system.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads queries into their JSON shape: one, a page, the tag counts. */
@Service
class QueryLists {

    private final QueryRepository queries;
    private final QueryTagRepository tags;
    private final QueryJsonMapper mapper;

    QueryLists(QueryRepository queries, QueryTagRepository tags, QueryJsonMapper mapper) {
        this.queries = queries;
        this.tags = tags;
        this.mapper = mapper;
    }

    Query one(long id) {
        QueryRow row = queries.find(id).orElseThrow(() -> ApiException.notFound("Query " + id + " does not exist"));
        return mapper.query(row, tags.tags(id));
    }

    QueryPage page(QueryFilter filter) {
        long count = queries.count(filter);
        List<QueryRow> rows = count > filter.offset() ? queries.list(filter) : List.of();
        var tagsById = tags.tags(rows.stream().map(QueryRow::id).toList());
        return new QueryPage(count, filter.page(), filter.pageSize(), mapper.queries(rows, tagsById));
    }

    QueryTags tagCounts() {
        return new QueryTags(tags.counts());
    }
}
