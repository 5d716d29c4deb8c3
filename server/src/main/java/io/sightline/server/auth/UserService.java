package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import java.util.HashSet;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Creating and changing users. Who may do what is checked here, so every entry point gets the same rules. */
@Service
class UserService {

    private final UserRepository repository;
    private final GroupRepository groups;
    private final PasswordEncoder passwords;
    private final Users users;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final BlockedEmailDomains blockedDomains;

    UserService(UserRepository repository, GroupRepository groups, PasswordEncoder passwords, Users users,
                LoginThrottle throttle, ApplicationEventPublisher events, BlockedEmailDomains blockedDomains) {
        this.blockedDomains = blockedDomains;
        this.events = events;
        this.repository = repository;
        this.groups = groups;
        this.passwords = passwords;
        this.users = users;
        this.throttle = throttle;
    }

    UserRecord find(long id) {
        return repository.findById(id).orElseThrow(() -> ApiException.notFound("User " + id + " does not exist"));
    }

    /** A user with the API key just made for them: the one answer that shows it. */
    record WithKey(UserRecord user, String apiKey) {
    }

    /** New users join the default group, as in Redash. */
    @Transactional
    WithKey create(SightlineUser caller, UserChanges request) {
        Permissions.requireAdmin(caller, "create users");
        String name = UserValidation.name(request.name());
        String email = UserValidation.email(request.email());
        blockedDomains.require(email);
        requireUnusedEmail(email, null);
        String hash = request.password() == null ? null : passwords.encode(UserValidation.password(request.password()));
        String key = ApiKeys.generate();
        long id;
        try {
            id = repository.insert(name, email, hash, ApiKeys.hash(key));
        } catch (DuplicateKeyException e) {
            throw emailTaken(email);
        }
        repository.addToGroup(id, "default");
        events.publishEvent(Audited.of("create", "user", id, Map.of("name", name, "email", email)));
        if (request.wantedGroups() != null) {
            setGroups(caller, id, request.wantedGroups());
        }
        return new WithKey(find(id), key);
    }

    /**
     * A user may change their own name, email and password (password and email only with their current password,
     * so a stolen session or key cannot take the account over); admins anyone's, and groups. A new password ends
     * the user's sessions and the keys their password logins were given, except {@code callerKeyHash}: the key
     * (if any) this change came with. The user's own API key keeps working.
     */
    @Transactional
    UserRecord edit(SightlineUser caller, long id, UserChanges request, String callerKeyHash) {
        UserRecord user = find(id);
        if (!caller.isAdmin() && caller.id() != id) {
            throw ApiException.forbidden("Only admins may change other users");
        }
        boolean newEmail = request.email() != null && !request.email().strip().equalsIgnoreCase(user.email());
        if (caller.id() == id && (request.password() != null || newEmail)) {
            requireCurrentPassword(user, request.oldPassword(), request.password() != null ? "password" : "email");
        }
        if (request.name() != null || request.email() != null) {
            String name = request.name() == null ? user.name() : UserValidation.name(request.name());
            String email = request.email() == null ? user.email() : UserValidation.email(request.email());
            if (newEmail) {
                blockedDomains.require(email);
            }
            requireUnusedEmail(email, id);
            try {
                repository.updateProfile(id, name, email);
            } catch (DuplicateKeyException e) {
                throw emailTaken(email);
            }
            if (newEmail) { // as in Redash, a new email ends the user's other sessions
                repository.endSessions(id);
                users.forgetAll();
            }
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (request.name() != null) {
            changed.put("name", request.name());
        }
        if (request.email() != null) {
            changed.put("email", request.email());
        }
        changed.put("password_changed", request.password() != null);
        List<Long> wantedGroups = request.wantedGroups();
        if (wantedGroups != null) {
            Permissions.requireAdmin(caller, "change a user's groups");
            changed.put("groups", wantedGroups);
        }
        events.publishEvent(Audited.of("edit", "user", id, changed));
        if (request.password() != null) {
            repository.updatePassword(id, passwords.encode(UserValidation.password(request.password())));
            repository.deleteLoginKeys(id, callerKeyHash);
            users.forgetAll(); // the other sessions end at the next request, not when the cache expires
        }
        if (wantedGroups != null) {
            setGroups(caller, id, wantedGroups);
        }
        return find(id);
    }

    /** Admins only; the invitation's link, also for a user who accepted theirs (Redash does the same). */
    @Transactional
    UserRecord invite(SightlineUser caller, long id) {
        Permissions.requireAdmin(caller, "invite users");
        UserRecord user = find(id);
        events.publishEvent(Audited.of("invite", "user", id));
        return user;
    }

    /** Admins only; a disabled user gets no link (404, as Redash). */
    @Transactional
    UserRecord resetPassword(SightlineUser caller, long id) {
        Permissions.requireAdmin(caller, "reset passwords");
        UserRecord user = find(id);
        if (user.disabled()) {
            throw ApiException.notFound("User " + id + " is disabled: enable them before resetting their password");
        }
        events.publishEvent(Audited.of("reset_password", "user", id));
        return user;
    }

    /** Admins only, and only a pending invitation (403 otherwise, as Redash): an active user is disabled instead. */
    @Transactional
    UserRecord deleteInvitation(SightlineUser caller, long id) {
        Permissions.requireAdmin(caller, "delete users");
        UserRecord user = find(id);
        if (caller.id() == id) {
            throw ApiException.forbidden("You cannot delete your own account. Please ask another admin to do this"
                    + " for you.");
        }
        if (!user.invitationPending()) {
            throw ApiException.forbidden("You cannot delete activated users. Please disable the user instead.");
        }
        try {
            repository.delete(id);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw ApiException.conflict("User " + id + " already owns queries, dashboards or alerts;"
                    + " disable the user instead");
        }
        events.publishEvent(Audited.of("delete", "user", id, Map.of("email", user.email())));
        users.forgetAll();
        return user;
    }

    /**
     * Sets the password of the user a link was made for, once: the new epoch ends the link, the user's sessions and
     * other links; a pending invitation becomes an active user. Empty when the user changed since {@code user} was
     * read (the link was used meanwhile).
     */
    @Transactional
    java.util.Optional<UserRecord> setPasswordFromLink(UserRecord user, String password) {
        long id = user.id();
        // only at the epoch the link was checked at: of two posts of the same link, one sets the password
        if (!repository.updatePasswordAtEpoch(id, passwords.encode(UserValidation.password(password)),
                user.sessionEpoch())) {
            return java.util.Optional.empty();
        }
        repository.deleteLoginKeys(id, null);
        events.publishEvent(Audited.of(user.invitationPending() ? "accept_invitation" : "reset_password_done",
                "user", id));
        users.forgetAll();
        return repository.findById(id);
    }

    @Transactional
    WithKey regenerateApiKey(SightlineUser caller, long id) {
        find(id);
        if (!caller.isAdmin() && caller.id() != id) {
            throw ApiException.forbidden("Only admins may regenerate another user's API key");
        }
        String key = ApiKeys.generate();
        repository.updateApiKeyHash(id, ApiKeys.hash(key));
        events.publishEvent(Audited.of("regenerate_api_key", "user", id)); // never the key itself
        users.forgetAll(); // the old key stops working now, not when the cache expires
        return new WithKey(find(id), key);
    }

    /**
     * A user without a password yet (an admin created with a key only) may set one without. Wrong guesses count
     * as failed logins, so {@code old_password} cannot be used to guess the password faster than the login.
     */
    private void requireCurrentPassword(UserRecord user, String oldPassword, String field) {
        if (user.passwordHash() == null) {
            return;
        }
        if (oldPassword == null) {
            // 403, as Redash's "Must provide current password to update password."
            throw ApiException.forbidden("Changing your " + field + " needs your current password in 'old_password'");
        }
        String address = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()
                .getRemoteAddr();
        var lockout = throttle.locked(user.email(), address);
        if (lockout.isPresent()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, lockout.get().message());
        }
        if (!passwords.matches(oldPassword, user.passwordHash())) {
            throttle.failed(user.email(), address);
            throw ApiException.forbidden("'old_password' is not your current password");
        }
    }

    @Transactional
    UserRecord setDisabled(SightlineUser caller, long id, boolean disabled) {
        Permissions.requireAdmin(caller, disabled ? "disable users" : "enable users");
        find(id);
        if (disabled && caller.id() == id) { // the caller is an enabled admin, so an enabled admin remains
            throw ApiException.forbidden("You cannot disable your own account. Please ask another admin to do this"
                    + " for you."); // Redash's 403 and words
        }
        repository.setDisabled(id, disabled);
        events.publishEvent(Audited.of(disabled ? "disable" : "enable", "user", id));
        users.forgetAll(); // a disabled user's key and session stop working at once
        return find(id);
    }

    private void setGroups(SightlineUser caller, long id, List<Long> wanted) {
        var current = new HashSet<>(repository.groupIds(id));
        for (Long groupId : wanted) {
            if (groupId == null || groups.findById(groupId).isEmpty()) {
                throw ApiException.badRequest("'groups' names group " + groupId + ", which does not exist");
            }
        }
        long adminGroup = groups.findByName("admin").orElseThrow().id();
        if (caller.id() == id && current.contains(adminGroup) && !wanted.contains(adminGroup)) {
            throw ApiException.badRequest("You cannot remove yourself from the admin group");
        }
        wanted.stream().filter(g -> !current.contains(g)).forEach(g -> repository.addToGroup(id, g));
        current.stream().filter(g -> !wanted.contains(g)).forEach(g -> repository.removeFromGroup(id, g));
        users.forgetAll();
    }

    private void requireUnusedEmail(String email, Long except) {
        repository.findByEmail(email).filter(other -> except == null || other.id() != except)
                .ifPresent(other -> {
                    throw emailTaken(email);
                });
    }

    private static ApiException emailTaken(String email) {
        return ApiException.conflict("'email' " + email + " is already used by another user");
    }
}
