package io.sightline.server.dashboard;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, finding, archiving and starring dashboards, with Redash's permission rules. */
@Service
class DashboardService {

    static final int MAX_SLUG_CHARS = 140;

    private final DashboardRepository dashboards;
    private final DashboardFavoriteRepository favorites;

    DashboardService(DashboardRepository dashboards, DashboardFavoriteRepository favorites) {
        this.dashboards = dashboards;
        this.favorites = favorites;
    }

    /** A numeric key is an id, anything else a slug (Redash accepts both in the URL). */
    DashboardRow require(String idOrSlug) {
        var found = idOrSlug.chars().allMatch(Character::isDigit) && idOrSlug.length() < 19
                ? dashboards.find(Long.parseLong(idOrSlug)) : dashboards.findBySlug(idOrSlug);
        return found.orElseThrow(() -> ApiException.notFound("Dashboard " + idOrSlug + " does not exist"));
    }

    /** The slug is the name in URL form, made unique with a number when another dashboard has it. */
    @Transactional
    long create(SightlineUser caller, NewDashboard dashboard) {
        require(caller, "create_dashboard", "create dashboards");
        return create(caller.id(), dashboard);
    }

    @Transactional
    long create(long ownerId, NewDashboard dashboard) {
        String base = slug(dashboard.name());
        String slug = base;
        for (int n = 2; dashboards.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return dashboards.insert(dashboard, slug, ownerId, now());
    }

    @Transactional
    void archive(SightlineUser caller, String idOrSlug) {
        DashboardRow row = require(idOrSlug);
        if (!canEdit(caller, row)) {
            throw ApiException.forbidden("Only the owner of dashboard " + row.id() + " or an admin may archive it");
        }
        dashboards.archive(row.id(), now());
    }

    long favorite(SightlineUser caller, String idOrSlug) {
        long id = require(idOrSlug).id();
        favorites.add(caller.id(), id, now());
        return id;
    }

    long unfavorite(SightlineUser caller, String idOrSlug) {
        long id = require(idOrSlug).id();
        favorites.remove(caller.id(), id);
        return id;
    }

    static boolean canEdit(SightlineUser user, DashboardRow row) {
        return user.has("edit_dashboard") && (user.isAdmin() || user.id() == row.userId());
    }

    static void requireList(SightlineUser user) {
        require(user, "list_dashboards", "see dashboards");
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_SLUG_CHARS - 10) {
            slug = slug.substring(0, MAX_SLUG_CHARS - 10);
        }
        if (slug.isEmpty()) {
            return "dashboard";
        }
        return slug.chars().allMatch(Character::isDigit) ? "dashboard-" + slug : slug; // digits would read as an id
    }

    private static void require(SightlineUser user, String permission, String what) {
        if (!user.has(permission)) {
            throw ApiException.forbidden("You may not " + what + " (permission '" + permission + "' is missing)");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
