package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import io.sightline.server.system.BrowserPages;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages of the links {@link UserLinks} makes: {@code /invite/<token>} (a pending user chooses a password, which
 * accepts the invitation) and {@code /reset/<token>} (a user chooses a new one). Plain server-rendered forms, no
 * script, under the browser pages' strict headers ({@link BrowserPages}). The form carries the CSRF token of the
 * {@code XSRF-TOKEN} cookie as {@code _csrf}, and the post is taken only when the two agree (double submit), with or
 * without a session. A token that is malformed, forged, expired, already used, of a disabled user, or an invitation
 * of a user who is no longer pending gets the same 400 page, which says no more.
 */
@Controller
class PasswordLinkPageController {

    static final String INVALID = "This link is invalid, has expired, or has already been used."
            + " Ask an administrator for a new one.";
    static final String STALE_FORM = "The form had expired. Open the link again and choose your password.";

    private final String template = resource("password-link.html");
    private final UserLinks links;
    private final UserRepository repository;
    private final UserService service;

    private final UserSessions sessions;

    PasswordLinkPageController(UserLinks links, UserRepository repository, UserService service, UserSessions sessions) {
        this.sessions = sessions;
        this.links = links;
        this.repository = repository;
        this.service = service;
    }

    @GetMapping(value = {"/invite/{token}", "/reset/{token}"}, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request, CsrfToken csrf) {
        UserLinks.Purpose purpose = purposeOf(request);
        return user(token, purpose)
                .map(user -> form(HttpStatus.OK, purpose, user, csrf, null))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, title(purpose), INVALID));
    }

    @PostMapping(value = {"/invite/{token}", "/reset/{token}"}, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> setPassword(@PathVariable String token, HttpServletRequest request, CsrfToken csrf,
                                       @RequestParam(required = false) String password,
                                       @RequestParam(name = "_csrf", required = false) String formCsrf,
                                       @CookieValue(name = CsrfRejection.COOKIE, required = false) String cookieCsrf) {
        UserLinks.Purpose purpose = purposeOf(request);
        if (formCsrf == null || cookieCsrf == null || !MessageDigest.isEqual(
                formCsrf.getBytes(StandardCharsets.UTF_8), cookieCsrf.getBytes(StandardCharsets.UTF_8))) {
            return message(HttpStatus.FORBIDDEN, title(purpose), STALE_FORM);
        }
        Optional<UserRecord> user = user(token, purpose);
        if (user.isEmpty()) {
            return message(HttpStatus.BAD_REQUEST, title(purpose), INVALID);
        }
        if (password == null || password.isEmpty()) {
            return form(HttpStatus.BAD_REQUEST, purpose, user.get(), csrf, "Choose a password.");
        }
        try {
            UserValidation.password(password);
        } catch (ApiException e) {
            return form(HttpStatus.BAD_REQUEST, purpose, user.get(), csrf,
                    e.getMessage().replace("'password'", "The password"));
        }
        return service.setPasswordFromLink(user.get(), password)
                .map(done -> {
                    sessions.userChanged(done.id()); // the user's sessions end on every replica
                    return done;
                })
                .map(done -> message(HttpStatus.OK, "Your password is set",
                        "You can now sign in as " + done.email() + ".", "<p><a id=\"sign-in\" href=\"/login\">Sign in</a></p>"))
                .orElseGet(() -> message(HttpStatus.BAD_REQUEST, title(purpose), INVALID));
    }

    private Optional<UserRecord> user(String token, UserLinks.Purpose purpose) {
        return links.userOf(token, purpose, id -> repository.findById(id).filter(u -> !u.disabled())
                        .map(UserRecord::sessionEpoch))
                .flatMap(repository::findById)
                // an invitation is for a pending user only; one who has a password resets it instead
                .filter(user -> purpose != UserLinks.Purpose.INVITE || user.invitationPending());
    }

    private static UserLinks.Purpose purposeOf(HttpServletRequest request) {
        return request.getServletPath().startsWith("/invite/") ? UserLinks.Purpose.INVITE : UserLinks.Purpose.RESET;
    }

    private static String title(UserLinks.Purpose purpose) {
        return purpose == UserLinks.Purpose.INVITE ? "Welcome to Sightline" : "Reset your password";
    }

    private ResponseEntity<String> form(HttpStatus status, UserLinks.Purpose purpose, UserRecord user, CsrfToken csrf,
                                        String problem) {
        String intro = purpose == UserLinks.Purpose.INVITE
                ? "Choose a password to finish setting up your account, " + user.name() + "."
                : "Choose a new password for " + user.email() + ".";
        String content = "<p>" + esc(intro) + "</p>\n"
                + "<form id=\"set-password\" method=\"post\">\n"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf.getToken()) + "\">\n"
                + "<input type=\"hidden\" name=\"username\" autocomplete=\"username\" value=\"" + esc(user.email())
                + "\">\n"
                + "<label>New password <input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"new-password\" required autofocus>"
                + "</label>\n"
                + "<button id=\"set\" type=\"submit\">Set password</button>\n</form>\n"
                + "<p id=\"message\" class=\"message" + (problem == null ? "" : " error") + "\" role=\"alert\">"
                + (problem == null ? "" : esc(problem)) + "</p>";
        return page(status, title(purpose), content);
    }

    private ResponseEntity<String> message(HttpStatus status, String title, String text) {
        return message(status, title, text, "");
    }

    private ResponseEntity<String> message(HttpStatus status, String title, String text, String trustedHtml) {
        return page(status, title, "<p id=\"message\" class=\"message\" role=\"status\">" + esc(text) + "</p>"
                + trustedHtml);
    }

    private ResponseEntity<String> page(HttpStatus status, String title, String content) {
        return BrowserPages.html(status, template.replace("{{title}}", esc(title)).replace("{{content}}", content));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String resource(String name) {
        try (InputStream in = PasswordLinkPageController.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
