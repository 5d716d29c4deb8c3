package io.sightline.server.dashboard;

import java.time.OffsetDateTime;

/** A row of the dashboards table; layout, options and tags are JSON text. */
record DashboardRow(long id, String slug, String name, long userId, String layout, String options, String tags,
                    boolean isArchived, boolean isDraft, long version, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, slug, name, user_id, layout, options, tags, is_archived, is_draft, version,"
            + " created_at, updated_at";
}
