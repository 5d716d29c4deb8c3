package io.sightline.server.auth;

import java.time.OffsetDateTime;

/** A row of the users table. */
record UserRecord(long id, String name, String email, String passwordHash, String apiKey, String authType,
                  OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime disabledAt,
                  OffsetDateTime activeAt) {

    boolean disabled() {
        return disabledAt != null;
    }
}
