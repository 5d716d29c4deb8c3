package io.sightline.server.auth;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A provider's user, with the Sightline user ({@link OidcUsers}) they signed in as. */
final class SightlineOidcUser extends DefaultOidcUser {

    private final long userId;

    SightlineOidcUser(long userId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
                      OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.userId = userId;
    }

    long userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SightlineOidcUser o && o.userId == userId && super.equals(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId) * 31 + super.hashCode();
    }
}
