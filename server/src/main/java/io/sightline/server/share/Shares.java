package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.parameter.Parameters;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.share.ShareRepository.Share;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import io.sightline.server.system.AfterCommit;
import io.sightline.server.system.ApiException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing a dashboard by link (Redash's {@code DashboardShareResource}): only its owner or an admin shares or
 * revokes; a dashboard whose queries take free text is refused (a viewer could change what runs, as Redash's
 * "unsafe" queries); each share makes a new token and ends the one before; a revoke or an expiry ends it at once.
 *
 * <p>An opened link (the link, its dashboard and widgets) is kept in memory for {@link #OPENED_FOR}, so that the
 * dozen requests of one page view cost one look-up, not three metadata queries each. An expiry is checked on every
 * request; a revoke or a new link forgets the dashboard's opened links on this process as soon as it commits, so
 * the next request is refused at once. Other processes (API replicas) notice a revoke, an archived dashboard, or a
 * dashboard's or widget's edit within {@link #OPENED_FOR}, when their copy ends.
 */
@Service
class Shares {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    static final Duration MAX_EMBED_LIFETIME = Duration.ofDays(366);
    /** How long an opened link is kept: the most another replica takes to refuse a link revoked elsewhere. */
    static final Duration OPENED_FOR = Duration.ofSeconds(2);

    private final ShareRepository repository;
    private final JsonMapper json;
    private final EmbedTokens embeds;
    private final Cache<String, Opened> opened = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(OPENED_FOR).build();
    private final Cache<Long, Optional<String>> openable = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(OPENED_FOR).build();
    /** Counts the forgetting of links, so that a look-up that raced one does not keep what it read. */
    private final AtomicLong forgets = new AtomicLong();

    Shares(ShareRepository repository, JsonMapper json, EmbedTokens embeds) {
        this.repository = repository;
        this.json = json;
        this.embeds = embeds;
    }

    /** @return the new token */
    @Transactional
    String share(SightlineUser caller, long dashboardId, OffsetDateTime expiry) {
        SharedDashboard dashboard = requireOwnDashboard(caller, dashboardId);
        List<String> unsafe = unsafeQueries(dashboard.id());
        if (!unsafe.isEmpty()) {
            throw ApiException.badRequest("Dashboard " + dashboardId + " cannot be shared: these queries take text"
                    + " parameters, which a viewer of the link could change: " + String.join(", ", unsafe));
        }
        String token = newToken();
        repository.replace(token, dashboard.id(), caller.id(), expiry, now());
        AfterCommit.run(() -> forget(dashboard.id())); // the link it replaces ends at once
        return token;
    }

    @Transactional
    void revoke(SightlineUser caller, long dashboardId) {
        requireOwnDashboard(caller, dashboardId);
        repository.revoke(dashboardId);
        AfterCommit.run(() -> forget(dashboardId));
    }

    /** How many times this process forgot links: what was built from links before a change is built again. */
    long forgets() {
        return forgets.get();
    }

    /** Drops what this process keeps of the dashboard's links: the next request reads them again. */
    private void forget(long dashboardId) {
        forgets.incrementAndGet();
        opened.asMap().values().removeIf(o -> o.dashboard().id() == dashboardId);
        openable.invalidate(dashboardId);
    }

    /** The dashboard's active link, for its owner or an admin. */
    Optional<Share> current(long dashboardId) {
        return repository.ofDashboard(dashboardId, now());
    }

    /** The token of the dashboard's working link: active, unexpired, and the dashboard not archived. */
    Optional<String> openable(long dashboardId) {
        Optional<String> kept = openable.getIfPresent(dashboardId);
        if (kept != null) {
            return kept;
        }
        long before = forgets.get();
        Optional<String> token = repository.ofDashboard(dashboardId, now())
                .filter(share -> repository.dashboard(dashboardId).filter(d -> !d.archived()).isPresent())
                .map(Share::token);
        keep(openable, dashboardId, token, before);
        return token;
    }

    /** Keeps what was read unless a link was forgotten meanwhile (it may have been read before that commit). */
    private <K, V> void keep(Cache<K, V> cache, K key, V value, long forgetsBefore) {
        cache.put(key, value);
        if (forgets.get() != forgetsBefore) {
            cache.invalidate(key);
        }
    }

    /**
     * The link's dashboard, while the link works and the dashboard is not archived.
     *
     * @throws ApiException 404, the same for a revoked, expired or unknown token
     */
    Opened open(String token) {
        if (token == null || token.length() > (EmbedTokens.isEmbed(token) ? EmbedTokens.MAX_LENGTH : 64)) {
            throw invalid();
        }
        Opened kept = opened.getIfPresent(token);
        if (kept != null) {
            if (kept.endsAt() != null && !kept.endsAt().isAfter(Instant.now())) {
                opened.invalidate(token);
                throw invalid();
            }
            return kept;
        }
        long before = forgets.get();
        Opened fresh = EmbedTokens.isEmbed(token) ? openEmbed(token) : openShare(token);
        keep(opened, token, fresh, before);
        return fresh;
    }

    private Opened openShare(String token) {
        Share share = repository.active(token, now()).orElseThrow(Shares::invalid);
        return opened(share, Map.of(), null);
    }

    /** An embed link: its signature, its expiry, and the share link it was made from still working. */
    private Opened openEmbed(String token) {
        EmbedTokens.Embed embed = embeds.verify(token).filter(e -> e.expiresAt().isAfter(now().toInstant()))
                .orElseThrow(Shares::invalid);
        Share share = repository.ofDashboard(embed.dashboardId(), now())
                .filter(s -> EmbedTokens.fingerprint(s.token()).equals(embed.shareFingerprint()))
                .orElseThrow(Shares::invalid);
        return opened(share, embed.locked(), embed.expiresAt());
    }

    /** @param embedEnds when an embed link ends (null for a share link) */
    private Opened opened(Share share, Map<String, String> locked, Instant embedEnds) {
        SharedDashboard dashboard = repository.dashboard(share.dashboardId()).filter(d -> !d.archived())
                .orElseThrow(Shares::invalid);
        Instant shareEnds = share.expiresAt() == null ? null : share.expiresAt().toInstant();
        Instant endsAt = shareEnds == null ? embedEnds
                : embedEnds == null || shareEnds.isBefore(embedEnds) ? shareEnds : embedEnds;
        return new Opened(share, dashboard, repository.widgets(dashboard.id()), locked, endsAt);
    }

    /**
     * The dashboard an embed link would open, as its viewers would see it before any locked values: its working
     * share link (which the embed link ends with), the dashboard and its widgets, checked for an embed link valid
     * until {@code expiresAt}.
     *
     * @throws ApiException 403 for someone else's dashboard; 400 without a share link, for an archived dashboard, or
     *         for an expiry not in the future, further than {@link #MAX_EMBED_LIFETIME} or after the share link's
     */
    @Transactional(readOnly = true)
    Opened embedTarget(SightlineUser caller, long dashboardId, OffsetDateTime expiresAt) {
        SharedDashboard dashboard = requireOwnDashboard(caller, dashboardId);
        if (dashboard.archived()) {
            throw ApiException.badRequest("Dashboard " + dashboardId + " is archived; restore it before embedding it");
        }
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
        return new Opened(share, dashboard, repository.widgets(dashboardId), Map.of(), null);
    }

    /** A signed embed link to {@link #embedTarget}'s dashboard, with {@code locked} values its viewers cannot change. */
    String signEmbed(Opened target, OffsetDateTime expiresAt, Map<String, String> locked) {
        return embeds.sign(target.dashboard().id(), target.share().token(), expiresAt.toInstant(), locked);
    }

    /**
     * @param locked for an embed link, the parameter values it fixes (by dashboard parameter name, as the page's
     *        {@code p_} values are written); empty for a share link
     * @param endsAt when the link stops working (the earlier of the share's and an embed link's expiry), or null
     */
    record Opened(Share share, SharedDashboard dashboard, List<SharedWidget> widgets, Map<String, String> locked,
                  Instant endsAt) {

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
            if (!Parameters.isSafe(options)) {
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
