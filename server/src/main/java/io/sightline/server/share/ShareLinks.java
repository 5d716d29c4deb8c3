package io.sightline.server.share;

import io.sightline.server.auth.SightlineUser;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A dashboard's active share link as Redash shows it on {@code GET /api/dashboards/{id}} ({@code public_url},
 * {@code api_key}, and Sightline's {@code public_url_expires_at}): to its owner and admins only, who may share and revoke it; everyone else sees neither.
 */
@Component
public class ShareLinks {

    private final Shares shares;

    ShareLinks(Shares shares) {
        this.shares = shares;
    }

    /** The link's page and token, answered within the current request's address, and when it ends (or null). */
    public record Link(String publicUrl, String apiKey, OffsetDateTime expiresAt) {
    }

    public Optional<Link> shownTo(SightlineUser caller, long dashboardId, long ownerId) {
        if (!caller.isAdmin() && caller.id() != ownerId) {
            return Optional.empty();
        }
        return shares.current(dashboardId).map(share -> new Link(pageOf(share.token()), share.token(),
                share.expiresAt()));
    }

    static String pageOf(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(ShareController.PAGE + token).toUriString();
    }
}
