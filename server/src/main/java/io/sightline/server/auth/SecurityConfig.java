package io.sightline.server.auth;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Every {@code /api/**} call needs an API key or a session; {@code /ping}, health, metrics, the login form and page,
 * the list of login methods (which the sign-in screen needs before anyone is signed in) and a dashboard's page (which
 * sends anyone not signed in to sign in) do not; every other path is denied (see {@link #rules}).
 * A state change authenticated by a session cookie needs a CSRF token ({@link CsrfRejection}); key calls do not.
 * The session cookie is also SameSite=Lax (see application.yml), and Secure when the request came over TLS
 * (directly or through a proxy that says so with X-Forwarded-Proto).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, Users users, QueryKeys queryKeys, AuthenticationEntryPoint401 entryPoint,
                            CsrfTokenRepository csrfTokens,
                            org.springframework.beans.factory.ObjectProvider<OidcLogin> oidc) throws Exception {
        OidcLogin oidcLogin = oidc.getIfAvailable();
        if (oidcLogin != null) {
            // its own filters answer /oauth2/authorization/oidc and the provider's return to /login/oauth2/code/oidc
            oidcLogin.configure(http);
        }
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // the token as it is in the cookie, so a client copies it into the header unchanged
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(CsrfRejection::needsToken))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Results are streamed from another thread (StreamingResponseBody); headers written lazily on
                // commit would then be written from that thread while Tomcat may be reading them.
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                // A session only from the login (SessionController saves it), never for an API-key request. So no
                // sessionManagement(...): naming even the default creation policy there adds the filter that stores
                // every authenticated request's context in a new session, a Set-Cookie per API call and sessions
                // piling up until their timeout, at a cost in CPU and memory on every run.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new AccessDeniedHandler403()))
                .addFilterBefore(new ApiKeyAuthenticationFilter(users, queryKeys, entryPoint),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(SecurityConfig::rules);
        return http.build();
    }

    /**
     * Fail closed: a request is allowed only when a rule here names it, anything else is denied (401 for an
     * anonymous caller, 403 for a signed-in one). A new endpoint outside {@code /api/**} needs its own rule; the
     * authorization matrix test lists every endpoint and what each role gets from it.
     */
    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                // the second dispatch of a streamed answer: its request was authorized when it came in,
                // and an API key's authentication lives only in that first dispatch
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                // rendering the error of a request that was itself authorized (or refused) when it came in
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/ping").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .permitAll()
                .requestMatchers(HttpMethod.GET, LoginMethodsController.PATH).permitAll()
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                // single sign-on: its start (404 when no provider is configured) and the desktop's code exchange
                .requestMatchers(HttpMethod.GET, OidcStartController.PATH).permitAll()
                .requestMatchers(HttpMethod.POST, OidcStartController.DESKTOP_KEY_PATH).permitAll()
                // the browser's sign-in page, and a dashboard's page for a signed-in user: the page itself sends
                // anyone not signed in to the sign-in page; what it shows comes from /api/**, which needs a session
                .requestMatchers(HttpMethod.GET, LoginPageController.PATH, "/dashboards/*").permitAll()
                // the pages of invitation and password reset links: the link's token is the credential
                .requestMatchers(HttpMethod.GET, "/invite/*", "/reset/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/invite/*", "/reset/*").permitAll()
                // admins only; StatusController says so to a signed-in non-admin
                .requestMatchers(HttpMethod.GET, "/status.json").authenticated()
                // a dashboard's public link: what the link's token reaches, checked by the share feature, and the
                // page with the scripts and styles it draws with (all served here, nothing from elsewhere)
                .requestMatchers(HttpMethod.GET, "/api/dashboards/public/*", "/api/dashboards/public/*/widgets/*/results",
                        "/public/dashboards/*", "/viewer/**", "/webjars/echarts/**").permitAll()
                .requestMatchers("/api/**").authenticated()
                .anyRequest().denyAll();
    }

    /**
     * No Micrometer observation of each security filter, authentication and authorization: they cost every API
     * call more CPU than its own work in the security chain, and nothing reads their timers. Requests are still
     * timed as a whole ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The CSRF token in a cookie script can read (XSRF-TOKEN), Secure over TLS, sent back in X-XSRF-TOKEN. */
    @Bean
    CsrfTokenRepository csrfTokens() {
        var tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** A path the firewall refuses is a 400 problem detail like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedRequest400();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
