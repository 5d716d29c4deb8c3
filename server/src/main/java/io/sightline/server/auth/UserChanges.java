package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /api/users} and {@code POST /api/users/{id}}; absent fields stay as they are.
 * {@code group_ids} is Redash's other name for {@code groups} (the same ids; both may not be sent).
 * {@code old_password} (Redash's name) is the caller's current password, needed to change their own password or email.
 */
record UserChanges(@JsonProperty("name") String name, @JsonProperty("email") String email,
                   @JsonProperty("password") String password, @JsonProperty("groups") List<Long> groups,
                   @JsonProperty("old_password") String oldPassword,
                   @JsonProperty("group_ids") List<Long> groupIds) {

    /** The groups asked for, by either name; null when neither was sent. */
    List<Long> wantedGroups() {
        if (groups != null && groupIds != null && !groups.equals(groupIds)) {
            throw io.sightline.server.system.ApiException.badRequest(
                    "'groups' and 'group_ids' name different groups; send one of them");
        }
        return groups != null ? groups : groupIds;
    }
}
