package io.sightline.server.dashboard;

import java.util.Set;

/**
 * A checked {@code POST /api/dashboards/{id}} body: only the fields {@link #sent} change (Redash's list: name, layout,
 * version, tags, is_draft, is_archived, dashboard_filters_enabled, options). JSON fields are serialised text.
 *
 * @param version the version the client last saw; null when it did not say (then the update applies)
 */
record DashboardEdit(Set<String> sent, String name, String layoutJson, String tagsJson, Boolean draft,
                     Boolean archived, Boolean filtersEnabled, String optionsJson, Long version) {

    boolean has(String field) {
        return sent.contains(field);
    }
}
