package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Sightline user behind an OpenID Connect login: created at the first login (email lower-cased, no password,
 * {@code auth_type} external, in the default group), and at every login put into the Sightline groups its provider
 * groups map to ({@link OidcGroupMapping}). A disabled user stays out, and so does an address outside the allowed
 * domains when some are set, or one the provider says it has not verified. The mapping never takes the last
 * enabled admin out of the admin group: the organization would be left with nobody who can manage it.
 */
@Service
class OidcUsers {

    private static final Logger log = LoggerFactory.getLogger(OidcUsers.class);

    /** Why a login is refused, said to the person signing in. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final UserRepository users;
    private final GroupRepository groups;
    private final Users cache;
    private final BlockedEmailDomains blockedDomains;
    private final ApplicationEventPublisher events;

    OidcUsers(UserRepository users, GroupRepository groups, Users cache, BlockedEmailDomains blockedDomains,
              ApplicationEventPublisher events) {
        this.users = users;
        this.groups = groups;
        this.cache = cache;
        this.blockedDomains = blockedDomains;
        this.events = events;
    }

    /**
     * @param email the provider's {@code email} claim
     * @param emailVerified its {@code email_verified} claim, null when the provider sends none
     * @param idpGroups the user's groups at the provider (the configured claim)
     * @throws Refused when this person may not sign in, with a message saying why
     */
    @Transactional
    UserRecord signIn(String email, Boolean emailVerified, String name, List<String> idpGroups,
                      OidcGroupMapping mapping, Set<String> allowedDomains) {
        if (email == null || email.isBlank()) {
            throw new Refused("The identity provider sent no email address: ask it for the 'email' scope");
        }
        if (Boolean.FALSE.equals(emailVerified)) {
            throw new Refused("The identity provider has not verified the email address " + email.strip());
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (!allowedDomains.isEmpty() && !allowedDomains.contains(domain)) {
            throw new Refused("Addresses at " + domain + " may not sign in to this server");
        }
        UserRecord user = users.findByEmail(address).orElseGet(() -> create(address, name));
        if (user.disabled()) {
            throw new Refused("This account is disabled");
        }
        syncGroups(user.id(), mapping.groupsFor(idpGroups), mapping.managedGroups());
        return users.findById(user.id()).orElseThrow();
    }

    private UserRecord create(String email, String name) {
        try {
            blockedDomains.require(email);
        } catch (ApiException e) {
            throw new Refused(e.getMessage());
        }
        String shown = name == null || name.isBlank() ? email : name.strip();
        long id;
        try {
            id = users.insertExternal(shown, email, ApiKeys.hash(ApiKeys.generate()));
        } catch (DuplicateKeyException e) { // a second login of the same new user at the same moment
            return users.findByEmail(email).orElseThrow();
        }
        users.addToGroup(id, "default");
        events.publishEvent(Audited.of("create", "user", id, Map.of("name", shown, "email", email,
                "method", "oidc")));
        return users.findById(id).orElseThrow();
    }

    private void syncGroups(long userId, Set<String> wanted, Set<String> managed) {
        Set<Long> member = new HashSet<>(users.groupIds(userId));
        boolean changed = false;
        for (String name : managed) {
            var group = groups.findByName(name);
            if (wanted.contains(name)) {
                long groupId = group.map(GroupRecord::id).orElseGet(() -> createGroup(name));
                if (!member.contains(groupId)) {
                    users.addToGroup(userId, groupId);
                    events.publishEvent(Audited.of("add_member", "group", groupId, Map.of("member_id", userId,
                            "method", "oidc")));
                    changed = true;
                }
            } else if (group.isPresent() && member.contains(group.get().id())) {
                if ("admin".equals(name) && users.noOtherEnabledAdmin(userId)) {
                    keepLastAdmin(userId, group.get().id());
                    continue;
                }
                users.removeFromGroup(userId, group.get().id());
                events.publishEvent(Audited.of("remove_member", "group", group.get().id(), Map.of("member_id", userId,
                        "method", "oidc")));
                changed = true;
            }
        }
        if (changed) {
            cache.forgetAll();
        }
    }

    private void keepLastAdmin(long userId, long adminGroup) {
        log.warn("Single sign-on left user {} in the admin group although the provider's groups do not map to it:"
                + " no other enabled user is an admin. Once another user is an admin, the mapping applies to this one at"
                + " their next login", userId);
        events.publishEvent(Audited.of("keep_member", "group", adminGroup, Map.of("member_id", userId,
                "method", "oidc", "reason", "the last enabled admin")));
    }

    private long createGroup(String name) {
        long id = groups.insert(name);
        events.publishEvent(Audited.of("create", "group", id, Map.of("name", name, "method", "oidc")));
        return id;
    }
}
