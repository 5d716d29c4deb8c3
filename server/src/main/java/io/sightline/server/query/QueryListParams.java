package io.sightline.server.query;

import io.sightline.server.system.PageRange;
import java.util.List;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The request parameters every query list takes ({@code ?page=1&page_size=25&q=&tags=&order=&only_mine=}), bound
 * once for all of them; absent values take Redash's defaults.
 */
record QueryListParams(Integer page, @BindParam("page_size") Integer pageSize, String q, List<String> tags,
                       String order, @BindParam("only_mine") Boolean onlyMine) {

    static final int DEFAULT_PAGE_SIZE = PageRange.DEFAULT_PAGE_SIZE;
    /** How many recent queries Redash lists. */
    static final int RECENT_LIMIT = 10;

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

    /**
     * The caller's recently used queries, the latest use first, as one list (Redash does not page it): at most
     * {@code page_size} of them, {@value #RECENT_LIMIT} when the request did not say.
     */
    QueryFilter recent(long callerId, Integer sentPageSize) {
        return new QueryFilter(q, tags, onlyMine ? callerId : null, QueryFilter.Scope.RECENT, callerId,
                QueryOrder.parse(order), 1, sentPageSize == null ? RECENT_LIMIT : sentPageSize, null);
    }

    /** The caller's favourites or recently used queries; {@code only_mine} narrows them to the caller's own. */
    QueryFilter filter(long callerId, QueryFilter.Scope scope) {
        return new QueryFilter(q, tags, onlyMine ? callerId : null, scope, callerId, QueryOrder.parse(order), page,
                pageSize, null);
    }
}
