package io.sightline.server.auth;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Tells a user's browser sessions, in the shared session store, that their user changed (password, email,
 * disabled): at its next request on any API replica such a session is checked against the user as stored, not as
 * that replica's short user cache ({@link Users#KEY_CACHE_TTL}) still remembers them, so it ends at once everywhere
 * with the same message as on the replica that made the change ({@link SessionEpoch}). Marking rather than deleting
 * keeps that message, and a request under way on the session cannot undo the mark: a session is saved with only the
 * attributes its request set.
 */
@Component
class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Marks every session of the user except {@code keptSessionId} (null: every one). */
    void userChanged(long userId, String keptSessionId) {
        mark(sessions, userId, keptSessionId);
    }

    void userChanged(long userId) {
        userChanged(userId, null);
    }

    private static <S extends Session> void mark(FindByIndexNameSessionRepository<S> sessions, long userId,
                                                 String keptSessionId) {
        sessions.findByPrincipalName(SharedSessions.principalName(userId)).forEach((id, session) -> {
            if (!id.equals(keptSessionId)) {
                SessionEpoch.markUserChanged(session);
                sessions.save(session);
            }
        });
    }
}
