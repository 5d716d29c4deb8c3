package io.sightline.server.auth;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider users may sign in with (decision 0050), off while {@code issuerUri} is blank.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read at start
 * @param clientId this server's client id at the provider
 * @param clientSecret its secret; {@code env:NAME} and {@code file:/path} accepted ({@code ServerSecretReferences})
 * @param scopes comma- or space-separated scopes to ask for ({@code openid} is always asked for)
 * @param groupsClaim the ID token or user info claim holding the user's groups at the provider
 * @param groupMapping {@code idp-group=Sightline group;...} ({@link OidcGroupMapping})
 * @param name what the sign-in button says
 * @param allowedDomains comma-separated email domains that may sign in; empty: any the provider vouches for
 */
@ConfigurationProperties("sightline.oidc")
record OidcProperties(String issuerUri, String clientId, String clientSecret, String scopes, String groupsClaim,
                      String groupMapping, String name, String allowedDomains) {

    /** The registration id: the login path is {@code /oauth2/authorization/oidc}. */
    static final String REGISTRATION_ID = "oidc";

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    List<String> scopeList() {
        var scopes = new java.util.LinkedHashSet<String>();
        scopes.add("openid");
        if (this.scopes != null) {
            Arrays.stream(this.scopes.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return List.copyOf(scopes);
    }

    String displayName() {
        return name == null || name.isBlank() ? "Single sign-on" : name.strip();
    }

    /** The allowed email domains, lower-cased; empty: any. */
    java.util.Set<String> allowedDomainSet() {
        if (allowedDomains == null) {
            return java.util.Set.of();
        }
        return Arrays.stream(allowedDomains.split("[,\\s]+")).map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    String claim() {
        return groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim.strip();
    }
}
