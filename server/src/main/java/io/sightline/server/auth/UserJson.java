package io.sightline.server.auth;

import io.sightline.common.api.auth.User;
import org.springframework.stereotype.Component;

/**
 * Users as the API shows them. The server keeps only a hash of each API key, so a key is shown once: in the
 * answer that creates the user or regenerates the key (to the admin or the user who asked), never again.
 */
@Component
class UserJson {

    private final UserRepository repository;

    UserJson(UserRepository repository) {
        this.repository = repository;
    }

    User of(UserRecord user) {
        return withNewKey(user, null);
    }

    /** The answer that made {@code newKey}: the only time it is shown. */
    User withNewKey(UserRecord user, String newKey) {
        return new User(user.id(), user.name(), user.email(), repository.groupIds(user.id()), user.createdAt(),
                user.updatedAt(), user.disabledAt(), user.disabled(), user.activeAt(), user.authType(), newKey);
    }
}
