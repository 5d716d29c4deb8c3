package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /login/sso}: where a sign-in button sends the browser (the URL {@code /api/login_methods} lists). It
 * remembers where to go afterwards ({@code next}, a path on this server) or the desktop's loopback
 * ({@link OidcDesktopCodes}), then sends the browser to the provider through Spring Security's
 * {@code /oauth2/authorization/oidc}. {@code POST /login/sso/desktop_key} trades the desktop's one-time code for an API
 * key of the user's own, as a password login with {@code issue_api_key} gives.
 */
@RestController
class OidcStartController {

    static final String PATH = "/login/sso";
    static final String DESKTOP_KEY_PATH = "/login/sso/desktop_key";
    /** Where a browser sign-in without {@code next} ends. */
    static final String SIGNED_IN = "/login";

    private final ObjectProvider<OidcLogin> oidc;
    private final OidcDesktopCodes desktopCodes;
    private final Users users;
    private final ApplicationEventPublisher events;

    OidcStartController(ObjectProvider<OidcLogin> oidc, OidcDesktopCodes desktopCodes, Users users,
                        ApplicationEventPublisher events) {
        this.oidc = oidc;
        this.desktopCodes = desktopCodes;
        this.users = users;
        this.events = events;
    }

    @GetMapping(PATH)
    ResponseEntity<Void> start(@RequestParam(required = false) String next,
                               @RequestParam(name = "desktop_port", required = false) String desktopPort,
                               @RequestParam(name = "desktop_state", required = false) String desktopState,
                               @RequestParam(name = "desktop_challenge", required = false) String desktopChallenge,
                               HttpServletRequest request) {
        OidcLogin login = oidc.getIfAvailable();
        if (login == null) {
            throw ApiException.notFound("No single sign-on provider is configured on this server");
        }
        OidcDesktopCodes.Pending desktop = desktop(desktopPort, desktopState, desktopChallenge);
        try {
            login.registration().findByRegistrationId(OidcProperties.REGISTRATION_ID);
        } catch (OidcClientRegistration.OidcProviderUnavailable e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        var session = request.getSession(true);
        session.removeAttribute(OidcLogin.NEXT);
        session.removeAttribute(OidcLogin.DESKTOP);
        String safeNext = LoginPageController.safeNext(next);
        if (desktop != null) {
            session.setAttribute(OidcLogin.DESKTOP, desktop);
        } else if (!safeNext.isEmpty()) {
            session.setAttribute(OidcLogin.NEXT, safeNext);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/oauth2/authorization/" + OidcProperties.REGISTRATION_ID)).build();
    }

    /** None of the three (a browser sign-in) or all three, each well formed; anything else is a 400 naming it. */
    private static OidcDesktopCodes.Pending desktop(String port, String state, String challenge) {
        if (port == null && state == null && challenge == null) {
            return null;
        }
        if (port == null || state == null || challenge == null) {
            throw ApiException.badRequest("A desktop sign-in needs all of 'desktop_port', 'desktop_state' and"
                    + " 'desktop_challenge'");
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1024 || number > 65535) {
            throw ApiException.badRequest("'desktop_port' must be a port number from 1024 to 65535");
        }
        if (!OidcDesktopCodes.STATE.matcher(state).matches()) {
            throw ApiException.badRequest("'desktop_state' must be 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'");
        }
        if (!OidcDesktopCodes.CHALLENGE.matcher(challenge).matches()) {
            throw ApiException.badRequest("'desktop_challenge' must be the base64url SHA-256 of the verifier"
                    + " (43 characters)");
        }
        return new OidcDesktopCodes.Pending(number, state, challenge);
    }

    record DesktopCode(String code, @JsonProperty("code_verifier") String codeVerifier) {
    }

    @PostMapping(path = DESKTOP_KEY_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> desktopKey(@RequestBody DesktopCode body) {
        if (body.code() == null || body.code().isBlank() || body.codeVerifier() == null || body.codeVerifier().isBlank()) {
            throw ApiException.badRequest("Both 'code' and 'code_verifier' are required");
        }
        long userId = desktopCodes.redeem(body.code(), body.codeVerifier()).orElseThrow(() -> ApiException.badRequest(
                "The sign-in code is unknown, already used, expired or does not match 'code_verifier': sign in again"));
        SightlineUser user = users.enabled(userId)
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "This account is disabled"));
        String key = users.issueLoginKey(userId);
        events.publishEvent(Audited.of("login", "user", userId, Map.of("method", "oidc_desktop",
                "api_key_issued", true)));
        return Map.of("user", Map.of("id", user.id(), "name", user.name(), "email", user.email(), "api_key", key));
    }
}
