package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** Password login into a session cookie, and who the caller is. */
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
        return session(user);
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
        return session(CurrentUser.get());
    }

    private static Map<String, Object> session(SightlineUser user) {
        return Map.of(
                "user", Map.of("id", user.id(), "name", user.name(), "email", user.email(),
                        "groups", user.groupIds(), "permissions", user.permissions()),
                "org_slug", "default",
                "client_config", Map.of("version", SessionController.class.getPackage().getImplementationVersion() == null
                        ? "dev" : SessionController.class.getPackage().getImplementationVersion()));
    }
}
