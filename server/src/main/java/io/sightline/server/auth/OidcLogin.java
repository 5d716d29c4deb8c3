package io.sightline.server.auth;

import io.sightline.server.system.Audited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * OpenID Connect login (decision 0050) through Spring Security's OAuth2 client: {@code GET /login/sso}
 * ({@link OidcStartController}) sends the browser to the provider, which sends it back to
 * {@code /login/oauth2/code/oidc}; the provider's user becomes a Sightline user ({@link OidcUsers}) and the browser gets
 * a Sightline session, the same as a password login's, then goes where the start asked (or hands the desktop a
 * one-time code, {@link OidcDesktopCodes}). A refusal is a 403 problem detail saying why.
 */
final class OidcLogin {

    /** Session attributes the start leaves for the end of the flow. */
    static final String NEXT = OidcLogin.class.getName() + ".next";
    static final String DESKTOP = OidcLogin.class.getName() + ".desktop";

    private final OidcProperties properties;
    private final OidcGroupMapping mapping;
    private final OidcClientRegistration registration;
    private final OidcUsers oidcUsers;
    private final UserRepository userRecords;
    private final Users users;
    private final CsrfTokenRepository csrfTokens;
    private final OidcDesktopCodes desktopCodes;
    private final ApplicationEventPublisher events;
    private final AuthenticationEntryPoint401 answers;
    private final OidcUserService provider = new OidcUserService();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcLogin(OidcProperties properties, OidcClientRegistration registration, OidcUsers oidcUsers,
              UserRepository userRecords, Users users, CsrfTokenRepository csrfTokens, OidcDesktopCodes desktopCodes,
              ApplicationEventPublisher events, AuthenticationEntryPoint401 answers) {
        this.properties = properties;
        this.mapping = OidcGroupMapping.parse(properties.groupMapping());
        this.registration = registration;
        this.oidcUsers = oidcUsers;
        this.userRecords = userRecords;
        this.users = users;
        this.csrfTokens = csrfTokens;
        this.desktopCodes = desktopCodes;
        this.events = events;
        this.answers = answers;
    }

    OidcProperties properties() {
        return properties;
    }

    OidcClientRegistration registration() {
        return registration;
    }

    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                .clientRegistrationRepository(registration)
                .userInfoEndpoint(info -> info.oidcUserService(userService()))
                .successHandler(this::signedIn)
                .failureHandler(this::refused));
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        return request -> {
            OidcUser user = provider.loadUser(request);
            UserRecord record;
            try {
                record = oidcUsers.signIn(user.getEmail(), user.getEmailVerified(), user.getFullName(),
                        OidcGroupMapping.claimValues(user.getClaims().get(properties.claim())), mapping,
                        properties.allowedDomainSet());
            } catch (OidcUsers.Refused e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null),
                        e.getMessage());
            }
            return new SightlineOidcUser(record.id(), user.getAuthorities(), user.getIdToken(), user.getUserInfo());
        };
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        long userId = ((SightlineOidcUser) authentication.getPrincipal()).userId();
        UserRecord record = userRecords.findById(userId).orElseThrow();
        SightlineUser user = users.toUser(record);
        String next = null;
        OidcDesktopCodes.Pending desktop = null;
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            next = previous.getAttribute(NEXT) instanceof String n ? n : null;
            desktop = previous.getAttribute(DESKTOP) instanceof OidcDesktopCodes.Pending p ? p : null;
            previous.invalidate(); // a fresh session id on login, as for a password login
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ApiKeyAuthenticationFilter.authentication(user));
        SecurityContextHolder.setContext(context);
        SessionEpoch.remember(request.getSession(true), record.sessionEpoch());
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        events.publishEvent(Audited.of("login", "user", user.id(), Map.of("method", "oidc",
                "api_key_issued", desktop != null)));
        if (desktop != null) {
            response.sendRedirect(desktopCodes.redirect(desktop, user.id()));
        } else {
            response.sendRedirect(next != null ? next : OidcStartController.SIGNED_IN);
        }
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String message = e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription() : e.getMessage();
        answers.forbid(response, "Single sign-on failed: " + message);
    }
}
