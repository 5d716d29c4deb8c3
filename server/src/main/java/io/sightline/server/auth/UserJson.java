package io.sightline.server.auth;

import io.sightline.common.api.auth.User;
import org.springframework.stereotype.Component;

/**
 * Users as the API shows them. The server keeps only a hash of each API key, so a key is shown once: in the
 * answer that creates the user or regenerates the key (to the admin or the user who asked), never again.
 */
@Component
class UserJson {

    /** Sightline sends no verification mails, so there is never one pending. */
    private static final boolean EMAIL_VERIFIED = true;

    private final UserRepository repository;

    UserJson(UserRepository repository) {
        this.repository = repository;
    }

    User of(UserRecord user) {
        return withNewKey(user, null);
    }

    /** The answer that made {@code newKey}: the only time it is shown. */
    User withNewKey(UserRecord user, String newKey) {
        return withNewKey(user, newKey, null);
    }

    /** ... and with the invitation's link, when the answer gives it. */
    User withNewKey(UserRecord user, String newKey, String inviteLink) {
        return new User(user.id(), user.name(), user.email(), repository.groupIds(user.id()), user.createdAt(),
                user.updatedAt(), user.disabledAt(), user.disabled(), user.activeAt(), authType(user), newKey,
                user.invitationPending(), inviteLink, io.sightline.common.api.auth.Avatar.url(user.id(), user.name()),
                EMAIL_VERIFIED);
    }

    /** A user in the list: the groups as {@code {id, name}}, as Redash lists them. */
    ListedUser listed(UserRecord user, java.util.Map<Long, String> groupNames) {
        User single = of(user);
        return new ListedUser(single, single.groups().stream()
                .map(id -> new ListedUser.GroupRef(id, groupNames.get(id))).toList());
    }

    /** As Redash tells it: {@code external} for a user without a password (a pending invitation, a key-only admin). */
    private static String authType(UserRecord user) {
        return user.passwordHash() == null ? "external" : user.authType();
    }
}
