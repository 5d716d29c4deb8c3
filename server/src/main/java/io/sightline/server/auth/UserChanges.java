package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /api/users} and {@code POST /api/users/{id}}; absent fields stay as they are.
 * {@code old_password} (Redash's name) is the caller's current password, needed to change their own password or email.
 */
record UserChanges(@JsonProperty("name") String name, @JsonProperty("email") String email,
                   @JsonProperty("password") String password, @JsonProperty("groups") List<Long> groups,
                   @JsonProperty("old_password") String oldPassword) {
}
