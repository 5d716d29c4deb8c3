package io.sightline.server.auth;

import java.time.OffsetDateTime;

/** A row of the groups table; permissions are comma separated. */
record GroupRecord(long id, String name, String type, String permissions, OffsetDateTime createdAt) {

    boolean builtin() {
        return "builtin".equals(type);
    }
}
