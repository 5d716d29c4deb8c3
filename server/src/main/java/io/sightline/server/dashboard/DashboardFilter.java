package io.sightline.server.dashboard;

import io.sightline.server.system.ApiException;

/**
 * Which dashboards to list, newest change first; archived ones are never listed.
 *
 * @param search text to find (case-insensitive) in the name; null = no search
 * @param favoritesOf only this user's starred dashboards; null = all
 * @param tags only dashboards carrying every one of these tags; empty = all
 */
record DashboardFilter(String search, Long favoritesOf, int page, int pageSize, java.util.List<String> tags) {

    static final int MAX_PAGE_SIZE = 250;

    DashboardFilter {
        if (page < 1) {
            throw ApiException.badRequest("'page' must be 1 or more, not " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("'page_size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        search = search == null || search.isBlank() ? null : search.trim();
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
