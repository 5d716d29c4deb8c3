package io.sightline.common.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A group as {@code GET /api/groups/{id}} returns it.
 *
 * @param type {@link #BUILTIN} (admin, default: cannot be renamed or deleted) or {@link #REGULAR}
 */
public record Group(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("permissions") List<String> permissions,
        @JsonProperty("type") String type,
        @JsonProperty("created_at") OffsetDateTime createdAt) {

    public static final String BUILTIN = "builtin";
    public static final String REGULAR = "regular";

    public boolean builtin() {
        return BUILTIN.equals(type);
    }
}
