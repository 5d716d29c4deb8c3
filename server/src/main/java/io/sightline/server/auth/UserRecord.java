package io.sightline.server.auth;

import java.time.OffsetDateTime;

/** A row of the users table; the API key is kept only as its hash ({@link ApiKeys}). */
record UserRecord(long id, String name, String email, String passwordHash, String apiKeyHash, String authType,
                  OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime disabledAt,
                  OffsetDateTime activeAt, long sessionEpoch,
                  boolean invitationPending) {

    boolean disabled() {
        return disabledAt != null;
    }
}
