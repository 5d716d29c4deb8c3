package io.sightline.server.dashboard;

import io.sightline.server.system.PageRange;
import org.springframework.web.bind.annotation.BindParam;

/** {@code ?page=1&page_size=25&q=} of the dashboard lists; absent values take Redash's defaults. */
record DashboardListParams(Integer page, @BindParam("page_size") Integer pageSize, String q) {

    DashboardListParams {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? PageRange.DEFAULT_PAGE_SIZE : pageSize;
    }

    DashboardFilter filter(Long favoritesOf) {
        return new DashboardFilter(q, favoritesOf, null, page, pageSize);
    }

    /** Only the dashboards {@code ownerId} created (Redash's {@code /api/dashboards/my}). */
    DashboardFilter mine(long ownerId) {
        return new DashboardFilter(q, null, ownerId, page, pageSize);
    }
}
