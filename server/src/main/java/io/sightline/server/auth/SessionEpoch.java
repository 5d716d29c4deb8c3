package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A session remembers the user's session epoch of its login; a password change counts the user's epoch up, so
 * every older session stops at its next request (the filter compares them). Only the session that changed the
 * password is brought up to date and goes on.
 */
final class SessionEpoch {

    private static final String ATTRIBUTE = SessionEpoch.class.getName();

    private SessionEpoch() {
    }

    static void remember(HttpSession session, long epoch) {
        session.setAttribute(ATTRIBUTE, epoch);
    }

    static void keep(HttpServletRequest request, long epoch) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            remember(session, epoch);
        }
    }

    static boolean current(HttpSession session, long epoch) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Long remembered && remembered == epoch;
    }
}
