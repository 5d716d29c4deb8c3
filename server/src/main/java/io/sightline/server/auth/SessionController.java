package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password login into a session cookie, and who the caller is. Keys are stored only as hashes, so no answer
 * here shows the user's own API key; a client that wants to go on without a session (the desktop client) asks
 * the login for a key of its own with {@code "issue_api_key": true} and gets it once, in the login answer.
 * Failed logins are throttled ({@link LoginThrottle}); an unknown or disabled account costs the same password
 * work as a real one, so the time of the answer does not tell them apart.
 */
@RestController
class SessionController {

    private final Users users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final CsrfTokenRepository csrfTokens;
    private final String unusedHash;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.util.List<ClientConfig> clientConfig;
    private final PasswordLogin passwordLogin;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionController(Users users, PasswordEncoder passwords, LoginThrottle throttle, CsrfTokenRepository csrfTokens,
                      org.springframework.context.ApplicationEventPublisher events,
                      java.util.List<ClientConfig> clientConfig, PasswordLogin passwordLogin) {
        this.passwordLogin = passwordLogin;
        this.events = events;
        this.clientConfig = clientConfig;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.csrfTokens = csrfTokens;
        this.unusedHash = passwords.encode(ApiKeys.generate());
    }

    record Login(String email, String password, @JsonProperty("issue_api_key") Boolean issueApiKey) {
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
        return signIn(login, request, response);
    }

    /**
     * The form Redash's login page posts ({@code email}, {@code password}, maybe {@code remember} and a
     * {@code ?next=} path), so scripts written against Redash's login keep working. As in Redash, a successful login
     * redirects to {@code next} when it is a path on this server; without one the answer is the session, as for
     * JSON. A failure is the same problem detail as for JSON (Redash shows its login page again).
     */
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> loginForm(@RequestParam(required = false) String email,
                                                  @RequestParam(required = false) String password,
                                                  @RequestParam(required = false) String next,
                                                  HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> session = signIn(new Login(email, password, false), request, response);
        if (next != null && isLocalPath(next)) {
            return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, next).build();
        }
        return ResponseEntity.ok(session);
    }

    /** A path on this server: never another host ({@code //evil.example}, {@code /\evil.example}, a scheme). */
    static boolean isLocalPath(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private Map<String, Object> signIn(Login login, HttpServletRequest request, HttpServletResponse response) {
        if (!passwordLogin.enabled()) {
            throw ApiException.forbidden(PasswordLogin.OFF);
        }
        if (login.email() == null || login.password() == null) {
            throw ApiException.badRequest("Both 'email' and 'password' are required");
        }
        String address = request.getRemoteAddr();
        var lockout = throttle.locked(login.email(), address);
        if (lockout.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(lockout.get().retryAfter().toSeconds()));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, lockout.get().message());
        }
        var found = users.recordByEmail(login.email()).filter(u -> !u.disabled() && u.passwordHash() != null);
        // the same bcrypt work whether or not the account exists and may log in
        boolean matches = passwords.matches(login.password(), found.map(UserRecord::passwordHash).orElse(unusedHash));
        if (found.isEmpty() || !matches) {
            throttle.failed(login.email(), address);
            // never the email typed for an unknown account: people type their password there by mistake
            events.publishEvent(Audited.of("login_failed", "user", found.map(UserRecord::id).orElse(null)));
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Wrong email or password");
        }
        throttle.succeeded(login.email());
        UserRecord record = found.get();
        SightlineUser user = users.toUser(record);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ApiKeyAuthenticationFilter.authentication(user));
        SecurityContextHolder.setContext(context);
        var previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate(); // a fresh session id on login: no session fixation, no session of another user
        }
        SessionEpoch.remember(request.getSession(true), record.sessionEpoch());
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response); // a new token for the new session
        String key = Boolean.TRUE.equals(login.issueApiKey()) ? users.issueLoginKey(user.id()) : null;
        events.publishEvent(Audited.of("login", "user", user.id(), Map.of("method", "password",
                "api_key_issued", key != null)));
        return session(user, key);
    }

    @PostMapping("/logout")
    void logout(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SightlineUser user) {
            events.publishEvent(Audited.of("logout", "user", user.id()));
        }
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @GetMapping("/api/session")
    Map<String, Object> session() {
        return session(CurrentUser.get(), null);
    }

    /** {@code apiKey}: a key just issued, shown this once; otherwise the answer has no {@code api_key}. */
    private Map<String, Object> session(SightlineUser user, String apiKey) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", user.id());
        profile.put("name", user.name());
        profile.put("email", user.email());
        profile.put("profile_image_url", io.sightline.common.api.auth.Avatar.url(user.id(), user.name()));
        profile.put("groups", user.groupIds());
        profile.put("permissions", user.permissions());
        if (apiKey != null) {
            profile.put("api_key", apiKey);
        }
        return Map.of(
                "user", profile,
                "org_slug", "default",
                "client_config", clientConfig());
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        String version = SessionController.class.getPackage().getImplementationVersion();
        config.put("version", version == null ? "dev" : version);
        clientConfig.forEach(part -> config.putAll(part.entries()));
        return config;
    }
}
