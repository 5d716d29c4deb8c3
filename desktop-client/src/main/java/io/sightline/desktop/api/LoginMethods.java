package io.sightline.desktop.api;

import java.util.List;

/**
 * {@code GET /api/login_methods}: how one can sign in to a server. A server that does not know the endpoint
 * (an older one, or Redash) is taken to offer the password only.
 */
public record LoginMethods(boolean password, List<Sso> sso) {

    public static final LoginMethods PASSWORD_ONLY = new LoginMethods(true, List.of());

    public LoginMethods {
        sso = sso == null ? List.of() : List.copyOf(sso);
    }

    /** A single sign-on provider; the system browser opens {@code url} to sign in. */
    public record Sso(String id, String name, String url) {
    }
}
