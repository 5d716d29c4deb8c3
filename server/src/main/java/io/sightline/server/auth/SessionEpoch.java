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
    private static final String USER_CHANGED = SessionEpoch.class.getName() + ".userChanged";

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

    /**
     * Another replica changed the session's user ({@link UserSessions}): the next request checks the session against
     * the user as stored, not as this replica's cache remembers them.
     */
    static void markUserChanged(org.springframework.session.Session session) {
        session.setAttribute(USER_CHANGED, Boolean.TRUE);
    }

    static boolean userChanged(HttpSession session) {
        return session != null && session.getAttribute(USER_CHANGED) != null;
    }

    static boolean current(HttpSession session, long epoch) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Long remembered && remembered == epoch;
    }
}
