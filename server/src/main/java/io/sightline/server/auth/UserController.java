package io.sightline.server.auth;

import io.sightline.common.api.auth.User;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.PageRange;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Redash's {@code /api/users} endpoints. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService service;
    private final UserRepository repository;
    private final UserJson json;
    private final UserLinks links;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final UserSessions sessions;

    UserController(UserService service, UserRepository repository, UserJson json, UserLinks links,
                   org.springframework.context.ApplicationEventPublisher events, UserSessions sessions) {
        this.sessions = sessions;
        this.service = service;
        this.repository = repository;
        this.json = json;
        this.links = links;
        this.events = events;
    }

    /**
     * A page of the users, by name, as Redash pages them ({@code ?page=1&page_size=25}): the enabled ones, or with
     * {@code ?disabled=true} only the disabled ones (as Redash); {@code ?q=} those whose name or e-mail contains the
     * text; {@code ?pending=true} only the pending invitations, {@code ?pending=false} only the others.
     */
    @GetMapping
    ListedUser.Page list(@RequestParam(required = false) Boolean disabled, @RequestParam(required = false) Boolean pending,
                  @RequestParam(required = false) String q,
                  @RequestParam(required = false) Integer page,
                  @RequestParam(name = "page_size", required = false) Integer pageSize) {
        SightlineUser caller = CurrentUser.get();
        if (!caller.has("list_users")) {
            throw ApiException.forbidden("Listing users needs the 'list_users' permission");
        }
        int pageNo = page == null ? 1 : page;
        int size = pageSize == null ? PageRange.DEFAULT_PAGE_SIZE : pageSize;
        PageRange.checkRequest(pageNo, size);
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<UserRecord> matching = repository.findAll().stream()
                .filter(user -> user.disabled() == Boolean.TRUE.equals(disabled))
                .filter(user -> pending == null || user.invitationPending() == pending)
                .filter(user -> search == null || user.name().toLowerCase(Locale.ROOT).contains(search)
                        || user.email().toLowerCase(Locale.ROOT).contains(search))
                .toList();
        PageRange.checkCount(matching.size(), pageNo, size);
        var groupNames = repository.groupNames();
        return new ListedUser.Page(matching.size(), pageNo, size, matching.stream()
                .skip(PageRange.offset(pageNo, size)).limit(size).map(user -> json.listed(user, groupNames)).toList());
    }

    /**
     * Without a password the user is a pending invitation: the answer carries its {@code invite_link} to hand
     * over, and when the server has a mail server the link is also emailed, unless {@code ?no_invite} (Redash answers
     * the link only when it sends no mail). With a password (Sightline's addition) the user is active at once.
     */
    @PostMapping
    User create(@RequestBody UserChanges request, @RequestParam(name = "no_invite", required = false) String noInvite) {
        var created = service.create(CurrentUser.get(), request);
        UserRecord user = created.user();
        String link = user.invitationPending() ? links.link(user, UserLinks.Purpose.INVITE) : null;
        if (link != null && noInvite == null) {
            mailInvitation(user, link);
        }
        return json.withNewKey(user, created.apiKey(), link);
    }

    private void mailInvitation(UserRecord user, String link) {
        events.publishEvent(new UserLinkMail(user.email(), CurrentUser.get().name() + " invited you to Sightline",
                "Hello " + user.name() + ",\n\n" + CurrentUser.get().name() + " invited you to Sightline. Choose"
                        + " your password here (the link works once, for " + UserLinks.INVITATION_LIFETIME.toDays()
                        + " days):\n\n" + link + "\n"));
    }

    /** Redash's {@code POST /api/users/<id>/invite}: the user with a new {@code invite_link}, also emailed. */
    @PostMapping("/{id}/invite")
    User invite(@PathVariable long id) {
        UserRecord user = service.invite(CurrentUser.get(), id);
        String link = links.link(user, UserLinks.Purpose.INVITE);
        mailInvitation(user, link);
        return json.withNewKey(user, null, link);
    }

    /** Redash's {@code POST /api/users/<id>/reset_password}: {@code {"reset_link": ...}}. */
    @PostMapping("/{id}/reset_password")
    java.util.Map<String, String> resetPassword(@PathVariable long id) {
        UserRecord user = service.resetPassword(CurrentUser.get(), id);
        String link = links.link(user, UserLinks.Purpose.RESET);
        events.publishEvent(new UserLinkMail(user.email(), "Reset your Sightline password",
                "Hello " + user.name() + ",\n\nChoose a new Sightline password here (the link works once, for "
                        + UserLinks.RESET_LIFETIME.toHours() + " hours):\n\n" + link + "\n\nIf you did not"
                        + " ask for this, you can ignore this email.\n"));
        return java.util.Map.of("reset_link", link);
    }

    /** Redash's {@code DELETE /api/users/<id>}: only a pending invitation (403 for an active user). */
    @DeleteMapping("/{id}")
    User delete(@PathVariable long id) {
        return json.of(service.deleteInvitation(CurrentUser.get(), id));
    }

    @GetMapping("/{id}")
    User get(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        if (caller.id() != id && !caller.has("list_users")) {
            throw ApiException.forbidden("Seeing other users needs the 'list_users' permission");
        }
        return json.of(service.find(id));
    }

    @PostMapping("/{id}")
    User edit(@PathVariable long id, @RequestBody UserChanges request, HttpServletRequest http) {
        SightlineUser caller = CurrentUser.get();
        String keyHash = ApiKeyAuthenticationFilter.keyHashOfRequest();
        UserRecord changed = service.edit(caller, id, request, keyHash);
        if (request.password() != null || request.email() != null) {
            String kept = null;
            if (caller.id() == id && keyHash == null) {
                SessionEpoch.keep(http, changed.sessionEpoch()); // the session that made the change goes on
                kept = http.getSession(false) == null ? null : http.getSession(false).getId();
            }
            sessions.userChanged(id, kept); // their other sessions end on every replica, at their next request
        }
        return json.of(changed);
    }

    @PostMapping("/{id}/regenerate_api_key")
    User regenerateApiKey(@PathVariable long id) {
        var renewed = service.regenerateApiKey(CurrentUser.get(), id);
        return json.withNewKey(renewed.user(), renewed.apiKey());
    }

    @PostMapping("/{id}/disable")
    User disable(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        UserRecord disabled = service.setDisabled(caller, id, true);
        sessions.userChanged(id); // their sessions end on every replica
        return json.of(disabled);
    }

    @DeleteMapping("/{id}/disable")
    User enable(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        return json.of(service.setDisabled(caller, id, false));
    }
}
