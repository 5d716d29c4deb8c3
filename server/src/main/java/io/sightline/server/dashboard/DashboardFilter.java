package io.sightline.server.dashboard;

import io.sightline.server.system.PageRange;

/**
 * Which dashboards to list, newest change first; archived ones are never listed.
 *
 * @param search text to find (case-insensitive) in the name; null = no search
 * @param favoritesOf only this user's starred dashboards; null = all
 * @param ownerId only dashboards this user created; null = everyone's
 * @param tags only dashboards carrying every one of these tags; empty = all
 * @param viewerId who lists: drafts are listed to their owner only, as in Redash's {@code Dashboard.all}
 */
record DashboardFilter(String search, Long favoritesOf, Long ownerId, int page, int pageSize, java.util.List<String> tags,
                       long viewerId) {

    DashboardFilter {
        PageRange.checkRequest(page, pageSize);
        search = search == null || search.isBlank() ? null : search.trim();
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
