package io.sightline.server.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request. Only valid on request threads behind the security filter. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static SightlineUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SightlineUser user) {
            return user;
        }
        throw new IllegalStateException("No authenticated Sightline user on this thread");
    }
}
