package io.sightline.server.auth;

import io.sightline.server.secret.SecretReference;
import io.sightline.server.secret.ServerSecretReferences;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one provider of {@link OidcProperties}, read from its discovery document at the first sign-in rather than at
 * start: a server whose provider is down at start still starts (password logins and API keys work) and picks the
 * provider up at the next attempt. A failed discovery is tried again at the next sign-in.
 */
final class OidcClientRegistration implements ClientRegistrationRepository {

    private final OidcProperties properties;
    private volatile ClientRegistration registration;

    OidcClientRegistration(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        ClientRegistration.Builder builder;
        try {
            builder = ClientRegistrations.fromIssuerLocation(properties.issuerUri().strip());
        } catch (RuntimeException e) {
            throw new OidcProviderUnavailable("The identity provider at " + properties.issuerUri().strip()
                    + " could not be reached or sent no OpenID configuration: " + e.getMessage(), e);
        }
        String secret = properties.clientSecret();
        if (SecretReference.looksLikeOne(secret)) { // resolved at start already, unless set after it (tests)
            secret = ServerSecretReferences.resolve("sightline.oidc.client-secret", secret);
        }
        return builder.registrationId(OidcProperties.REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(secret == null || secret.isBlank() ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.scopeList())
                .clientName(properties.displayName())
                .build();
    }

    /** The provider cannot be used now; the sign-in answers 503 with this message. */
    static final class OidcProviderUnavailable extends RuntimeException {
        OidcProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
