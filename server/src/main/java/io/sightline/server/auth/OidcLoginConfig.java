package io.sightline.server.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/** The OpenID Connect login, there only when {@code sightline.oidc.issuer-uri} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${sightline.oidc.issuer-uri:}'.isBlank()")
class OidcLoginConfig {

    @Bean
    OidcClientRegistration oidcClientRegistration(OidcProperties properties) {
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            throw new IllegalStateException("Setting sightline.oidc.client-id (SIGHTLINE_OIDC_CLIENT_ID) is required"
                    + " with SIGHTLINE_OIDC_ISSUER_URI");
        }
        return new OidcClientRegistration(properties);
    }

    @Bean
    OidcLogin oidcLogin(OidcProperties properties, OidcClientRegistration registration, OidcUsers oidcUsers,
                        UserRepository userRecords, Users users, CsrfTokenRepository csrfTokens,
                        OidcDesktopCodes desktopCodes, ApplicationEventPublisher events,
                        AuthenticationEntryPoint401 answers) {
        return new OidcLogin(properties, registration, oidcUsers, userRecords, users, csrfTokens, desktopCodes, events,
                answers);
    }
}
