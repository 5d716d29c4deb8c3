package io.sightline.server.share;

import io.sightline.server.auth.SightlineUser;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A dashboard's active share link as Redash shows it on {@code GET /api/dashboards/{id}} ({@code public_url},
 * {@code api_key}): to its owner and admins only, who may share and revoke it; everyone else sees neither.
 */
@Component
public class ShareLinks {

    private final Shares shares;

    ShareLinks(Shares shares) {
        this.shares = shares;
    }

    /** The link's page and token, answered within the current request's address. */
    public record Link(String publicUrl, String apiKey) {
    }

    public Optional<Link> shownTo(SightlineUser caller, long dashboardId, long ownerId) {
        if (!caller.isAdmin() && caller.id() != ownerId) {
            return Optional.empty();
        }
        return shares.current(dashboardId).map(share -> new Link(pageOf(share.token()), share.token()));
    }

    static String pageOf(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(ShareController.PAGE + token).toUriString();
    }
}
