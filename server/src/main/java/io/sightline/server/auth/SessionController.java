package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import io.sightline.server.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password login into a session cookie, and who the caller is. The session answer carries the user's own
 * {@code api_key} (as Redash's user JSON does for the user themself), so a client that logged in with a password
 * can go on with the key and stay stateless; no one else's key is ever shown here.
 */
@RestController
class SessionController {

    private final Users users;
    private final PasswordEncoder passwords;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionController(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    record Login(String email, String password) {
    }

    @PostMapping("/login")
    Map<String, Object> login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
        if (login.email() == null || login.password() == null) {
            throw ApiException.badRequest("Both 'email' and 'password' are required");
        }
        var record = users.recordByEmail(login.email())
                .filter(u -> !u.disabled() && u.passwordHash() != null)
                .filter(u -> passwords.matches(login.password(), u.passwordHash()))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Wrong email or password"));
        SightlineUser user = users.toUser(record);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ApiKeyAuthenticationFilter.authentication(user));
        SecurityContextHolder.setContext(context);
        var previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate(); // a fresh session id on login: no session fixation
        }
        contexts.saveContext(context, request, response);
        return session(user, record.apiKey());
    }

    @PostMapping("/logout")
    void logout(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @GetMapping("/api/session")
    Map<String, Object> session() {
        SightlineUser user = CurrentUser.get();
        return session(user, users.apiKeyOf(user.id()).orElse(null));
    }

    private static Map<String, Object> session(SightlineUser user, String apiKey) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", user.id());
        profile.put("name", user.name());
        profile.put("email", user.email());
        profile.put("groups", user.groupIds());
        profile.put("permissions", user.permissions());
        profile.put("api_key", apiKey);
        return Map.of(
                "user", profile,
                "org_slug", "default",
                "client_config", Map.of("version", SessionController.class.getPackage().getImplementationVersion() == null
                        ? "dev" : SessionController.class.getPackage().getImplementationVersion()));
    }
}
