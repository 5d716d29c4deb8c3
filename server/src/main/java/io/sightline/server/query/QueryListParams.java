package io.sightline.server.query;

import java.util.List;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The request parameters every query list takes ({@code ?page=1&page_size=25&q=&tags=&order=&only_mine=}), bound
 * once for all of them; absent values take Redash's defaults.
 */
record QueryListParams(Integer page, @BindParam("page_size") Integer pageSize, String q, List<String> tags,
                       String order, @BindParam("only_mine") Boolean onlyMine) {

    static final int DEFAULT_PAGE_SIZE = 25;

    QueryListParams {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        onlyMine = onlyMine != null && onlyMine;
    }

    /** Everyone's queries, or only the caller's when {@code only_mine=true}. */
    QueryFilter filter(long callerId) {
        return new QueryFilter(q, tags, onlyMine ? callerId : null, QueryFilter.Scope.ALL, callerId,
                QueryOrder.parse(order), page, pageSize, null);
    }

    /** Only the caller's own queries, whatever {@code only_mine} says. */
    QueryFilter mine(long callerId) {
        return new QueryFilter(q, tags, callerId, QueryFilter.Scope.ALL, callerId, QueryOrder.parse(order), page,
                pageSize, null);
    }

    /** The caller's favourites or recently used queries; {@code only_mine} narrows them to the caller's own. */
    QueryFilter filter(long callerId, QueryFilter.Scope scope) {
        return new QueryFilter(q, tags, onlyMine ? callerId : null, scope, callerId, QueryOrder.parse(order), page,
                pageSize, null);
    }
}
