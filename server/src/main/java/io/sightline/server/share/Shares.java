package io.sightline.server.share;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.share.ShareRepository.Share;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import io.sightline.server.system.ApiException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing a dashboard by link (Redash's {@code DashboardShareResource}): only its owner or an admin shares or
 * revokes; a dashboard whose queries take free text is refused (a viewer could change what runs, as Redash's
 * "unsafe" queries); each share makes a new token and ends the one before; a revoke or an expiry ends it at once.
 */
@Service
class Shares {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    static final java.time.Duration MAX_EMBED_LIFETIME = java.time.Duration.ofDays(366);

    private final ShareRepository repository;
    private final JsonMapper json;
    private final EmbedTokens embeds;

    Shares(ShareRepository repository, JsonMapper json, EmbedTokens embeds) {
        this.repository = repository;
        this.json = json;
        this.embeds = embeds;
    }

    /** @return the new token */
    @Transactional
    String share(SightlineUser caller, long dashboardId, String expiresAt) {
        SharedDashboard dashboard = requireOwnDashboard(caller, dashboardId);
        OffsetDateTime expiry = expiry(expiresAt);
        List<String> unsafe = unsafeQueries(dashboard.id());
        if (!unsafe.isEmpty()) {
            throw ApiException.badRequest("Dashboard " + dashboardId + " cannot be shared: these queries take text"
                    + " parameters, which a viewer of the link could change: " + String.join(", ", unsafe));
        }
        String token = newToken();
        repository.replace(token, dashboard.id(), caller.id(), expiry, now());
        return token;
    }

    @Transactional
    void revoke(SightlineUser caller, long dashboardId) {
        requireOwnDashboard(caller, dashboardId);
        repository.revoke(dashboardId);
    }

    /** The dashboard's active link, for its owner or an admin. */
    Optional<Share> current(long dashboardId) {
        return repository.ofDashboard(dashboardId, now());
    }

    /** The token of the dashboard's working link: active, unexpired, and the dashboard not archived. */
    Optional<String> openable(long dashboardId) {
        return repository.ofDashboard(dashboardId, now())
                .filter(share -> repository.dashboard(dashboardId).filter(d -> !d.archived()).isPresent())
                .map(Share::token);
    }

    /**
     * The link's dashboard, while the link works and the dashboard is not archived.
     *
     * @throws ApiException 404, the same for a revoked, expired or unknown token
     */
    Opened open(String token) {
        if (EmbedTokens.isEmbed(token)) {
            return openEmbed(token);
        }
        if (token == null || token.length() > 64) {
            throw invalid();
        }
        Share share = repository.active(token, now()).orElseThrow(Shares::invalid);
        return opened(share, Map.of());
    }

    /** An embed link: its signature, its expiry, and the share link it was made from still working. */
    private Opened openEmbed(String token) {
        EmbedTokens.Embed embed = embeds.verify(token).filter(e -> e.expiresAt().isAfter(now().toInstant()))
                .orElseThrow(Shares::invalid);
        Share share = repository.ofDashboard(embed.dashboardId(), now())
                .filter(s -> EmbedTokens.fingerprint(s.token()).equals(embed.shareFingerprint()))
                .orElseThrow(Shares::invalid);
        return opened(share, embed.locked());
    }

    private Opened opened(Share share, Map<String, String> locked) {
        SharedDashboard dashboard = repository.dashboard(share.dashboardId()).filter(d -> !d.archived())
                .orElseThrow(Shares::invalid);
        return new Opened(share, dashboard, repository.widgets(dashboard.id()), locked);
    }

    /**
     * A signed embed link to the dashboard, made from its working share link (which it ends with), valid until
     * {@code expiresAt}, with {@code locked} parameter values its viewers cannot change.
     *
     * @throws ApiException 403 for someone else's dashboard; 400 without a share link, or for an expiry not in
     *         the future or further than {@link #MAX_EMBED_LIFETIME}
     */
    @Transactional(readOnly = true)
    String embed(SightlineUser caller, long dashboardId, OffsetDateTime expiresAt, Map<String, String> locked) {
        requireOwnDashboard(caller, dashboardId);
        Share share = repository.ofDashboard(dashboardId, now()).orElseThrow(() -> ApiException.badRequest(
                "Dashboard " + dashboardId + " has no share link: share it first (POST /api/dashboards/"
                        + dashboardId + "/share); its embed links end with that link"));
        if (!expiresAt.isAfter(now())) {
            throw ApiException.badRequest("'expires_at' " + expiresAt + " is not in the future");
        }
        if (expiresAt.isAfter(now().plus(MAX_EMBED_LIFETIME))) {
            throw ApiException.badRequest("'expires_at' " + expiresAt + " is more than "
                    + MAX_EMBED_LIFETIME.toDays() + " days away; an embed link cannot be revoked on its own, so it"
                    + " must end");
        }
        if (share.expiresAt() != null && expiresAt.isAfter(share.expiresAt())) {
            throw ApiException.badRequest("'expires_at' " + expiresAt + " is after the share link's own expiry "
                    + share.expiresAt() + ", when the embed link would end anyway");
        }
        return embeds.sign(dashboardId, share.token(), expiresAt.toInstant(), locked);
    }

    /**
     * @param locked for an embed link, the parameter values it fixes (by dashboard parameter name, as the page's
     *        {@code p_} values are written); empty for a share link
     */
    record Opened(Share share, SharedDashboard dashboard, List<SharedWidget> widgets, Map<String, String> locked) {

        Optional<SharedWidget> widget(long widgetId) {
            return widgets.stream().filter(w -> w.id() == widgetId).findFirst();
        }
    }

    static ApiException invalid() {
        return ApiException.notFound("This link is no longer valid");
    }

    private SharedDashboard requireOwnDashboard(SightlineUser caller, long dashboardId) {
        SharedDashboard dashboard = repository.dashboard(dashboardId)
                .orElseThrow(() -> ApiException.notFound("Dashboard " + dashboardId + " does not exist"));
        if (!caller.isAdmin() && dashboard.ownerId() != caller.id()) {
            throw ApiException.forbidden("Only the dashboard's owner or an admin may share it or stop sharing it");
        }
        return dashboard;
    }

    /** The names of the dashboard's queries with a text parameter, as {@code "Name" (id N)}. */
    private List<String> unsafeQueries(long dashboardId) {
        List<String> unsafe = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (SharedWidget widget : repository.widgets(dashboardId)) {
            if (widget.queryId() == null || seen.contains(widget.queryId())) {
                continue;
            }
            seen.add(widget.queryId());
            Map<String, Object> options = json.readValue(widget.queryOptions(), OBJECT);
            if (options.get("parameters") instanceof List<?> parameters && parameters.stream()
                    .anyMatch(p -> p instanceof Map<?, ?> m && "text".equals(m.get("type")))) {
                unsafe.add("\"" + widget.queryName() + "\" (id " + widget.queryId() + ")");
            }
        }
        return unsafe;
    }

    static OffsetDateTime expiry(String expiresAt) {
        if (expiresAt == null || expiresAt.isBlank()) {
            return null;
        }
        OffsetDateTime expiry;
        try {
            expiry = OffsetDateTime.parse(expiresAt.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'expires_at' is not an ISO-8601 date and time with an offset, such"
                    + " as 2027-01-31T18:00:00Z: " + expiresAt);
        }
        if (!expiry.isAfter(now())) {
            throw ApiException.badRequest("'expires_at' " + expiresAt + " is not in the future");
        }
        return expiry;
    }

    private static String newToken() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
