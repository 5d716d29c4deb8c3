package io.sightline.server.dashboard;

import org.springframework.web.bind.annotation.BindParam;

/** {@code ?page=1&page_size=25&q=} of the dashboard lists; absent values take Redash's defaults. */
record DashboardListParams(Integer page, @BindParam("page_size") Integer pageSize, String q) {

    DashboardListParams {
        page = page == null ? 1 : page;
        pageSize = pageSize == null ? 25 : pageSize;
    }

    DashboardFilter filter(Long favoritesOf) {
        return new DashboardFilter(q, favoritesOf, page, pageSize);
    }
}
