package io.sightline.server.auth;

import io.sightline.common.api.auth.User;
import org.springframework.stereotype.Component;

/** Users as the API shows them: the API key only to the user themselves and to admins. */
@Component
class UserJson {

    private final UserRepository repository;

    UserJson(UserRepository repository) {
        this.repository = repository;
    }

    User of(UserRecord user, SightlineUser viewer) {
        boolean showKey = viewer.isAdmin() || viewer.id() == user.id();
        return new User(user.id(), user.name(), user.email(), repository.groupIds(user.id()), user.createdAt(),
                user.updatedAt(), user.disabledAt(), user.disabled(), user.activeAt(), user.authType(),
                showKey ? user.apiKey() : null);
    }
}
