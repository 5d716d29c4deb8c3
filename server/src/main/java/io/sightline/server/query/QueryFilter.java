package io.sightline.server.query;

import io.sightline.server.datasource.DataSourceReach;
import io.sightline.server.system.PageRange;
import java.util.List;
import java.util.Set;

/**
 * What to list: archived queries are listed only by the {@link Scope#ARCHIVED} scope, which lists nothing else.
 *
 * @param search text to find (case-insensitive) in name, description or SQL; null = no search
 * @param tags only queries carrying all of these tags
 * @param ownerId only queries of this user; null = everyone's
 * @param scope all queries, or only the caller's favourites or recently used ones, or only archived ones
 * @param callerId who asks: whose favourites and recent uses {@code scope} means
 * @param order the order of the list; a {@link Scope#RECENT} list is always newest use first
 * @param dataSourceIds only queries on these data sources (those the caller reaches); null = on any
 */
record QueryFilter(String search, List<String> tags, Long ownerId, Scope scope, long callerId, QueryOrder order,
                   int page, int pageSize, Set<Long> dataSourceIds) {

    enum Scope { ALL, FAVORITES, RECENT, ARCHIVED }

    QueryFilter {
        PageRange.checkRequest(page, pageSize);
        search = search == null || search.isBlank() ? null : search.trim();
        tags = tags == null ? List.of() : tags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** This filter, narrowed to the queries on data sources the caller reaches. */
    QueryFilter within(DataSourceReach reach) {
        return new QueryFilter(search, tags, ownerId, scope, callerId, order, page, pageSize,
                reach.all() ? null : reach.ids());
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
