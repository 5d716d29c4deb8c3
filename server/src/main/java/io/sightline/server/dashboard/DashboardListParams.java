package io.sightline.server.dashboard;

import io.sightline.server.system.PageRange;
import java.util.List;
import org.springframework.web.bind.annotation.BindParam;

/**
 * {@code ?page=1&page_size=25&q=&tags=a&tags=b} of the dashboard lists (Redash's {@code filter_by_tags}: every tag
 * given must be on the dashboard); absent values take Redash's defaults.
 */
record DashboardListParams(Integer page, @BindParam("page_size") Integer pageSize, String q, List<String> tags) {

    DashboardListParams {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? PageRange.DEFAULT_PAGE_SIZE : pageSize;
        tags = tags == null ? List.of() : tags.stream().filter(t -> !t.isBlank()).toList();
    }

    /** @param favoritesOf only this user's starred dashboards; null = all that {@code viewerId} may list */
    DashboardFilter filter(Long favoritesOf, long viewerId) {
        return new DashboardFilter(q, favoritesOf, null, page, pageSize, tags, viewerId);
    }

    /** Only the dashboards {@code ownerId} created (Redash's {@code /api/dashboards/my}). */
    DashboardFilter mine(long ownerId) {
        return new DashboardFilter(q, null, ownerId, page, pageSize, tags, ownerId);
    }
}
