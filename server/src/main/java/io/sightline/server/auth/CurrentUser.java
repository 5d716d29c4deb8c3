package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request. Only valid on request threads behind the security filter. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * @throws ApiException 403 when the request carries a query's API key, which reads that query's results only
     */
    public static SightlineUser get() {
        Object principal = principal();
        if (principal instanceof SightlineUser user) {
            return user;
        }
        if (principal instanceof QueryKeyCaller caller) {
            throw ApiException.forbidden("A query API key reads only the results of its own query (GET /api/queries/"
                    + caller.queryId() + "/results)");
        }
        throw new IllegalStateException("No authenticated Sightline user on this thread");
    }

    /** The signed-in user of this request, if a user (not a query's key, not no one) is. */
    public static Optional<SightlineUser> signedIn() {
        return principal() instanceof SightlineUser user ? Optional.of(user) : Optional.empty();
    }

    /** The query whose API key authenticated this request, if one did (instead of a user). */
    public static Optional<QueryKeyCaller> queryKey() {
        return principal() instanceof QueryKeyCaller caller ? Optional.of(caller) : Optional.empty();
    }

    private static Object principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
