package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.dashboard.DashboardPage;
import io.sightline.common.api.query.QueryUser;
import io.sightline.server.auth.AccessGrants;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.share.ShareLinks;
import io.sightline.server.system.PageRange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads dashboards into Redash's JSON shape as the caller sees them ({@code can_edit}, {@code is_favorite}). */
@Service
class DashboardLists {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> ARRAY = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DashboardRepository dashboards;
    private final DashboardFavoriteRepository favorites;
    private final Users users;
    private final JsonMapper json;
    private final WidgetJson widgets;
    private final ObjectKeyRepository keys;
    private final ShareLinks shareLinks;
    private final AccessGrants grants;

    DashboardLists(DashboardRepository dashboards, DashboardFavoriteRepository favorites, Users users,
                   JsonMapper json, WidgetJson widgets, ObjectKeyRepository keys, ShareLinks shareLinks,
                   AccessGrants grants) {
        this.grants = grants;
        this.shareLinks = shareLinks;
        this.widgets = widgets;
        this.keys = keys;
        this.dashboards = dashboards;
        this.favorites = favorites;
        this.users = users;
        this.json = json;
    }

    /**
     * The dashboard with its widgets (restricted where the caller does not reach the query), its key and, for its
     * owner or an admin, its share link.
     */
    Dashboard one(DashboardRow row, SightlineUser caller) {
        Dashboard d = dashboard(row, caller, !favorites.starred(caller.id(), List.of(row.id())).isEmpty(),
                userLookup(), grants.mayModify(AccessGrants.DASHBOARDS, row.id(), caller.id()));
        Map<String, Object> options = new LinkedHashMap<>(d.options());
        keys.keyOf(ObjectKeyRepository.DASHBOARD, row.id()).ifPresent(key -> {
            Map<String, Object> sightline = options.get("sightline") instanceof Map<?, ?> m
                    ? new LinkedHashMap<>(castMap(m)) : new LinkedHashMap<>();
            sightline.put("key", key);
            options.put("sightline", sightline);
        });
        var link = shareLinks.shownTo(caller, row.id(), row.userId());
        return new Dashboard(d.id(), d.slug(), d.name(), d.userId(), d.user(), d.layout(), d.filtersEnabled(),
                widgets.ofDashboard(row.id(), caller), options, d.archived(), d.draft(), d.tags(), d.updatedAt(),
                d.createdAt(), d.version(), d.canEdit(), d.favorite(),
                link.map(ShareLinks.Link::publicUrl).orElse(null), link.map(ShareLinks.Link::apiKey).orElse(null),
                link.map(ShareLinks.Link::expiresAt).orElse(null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    Dashboard one(long id, SightlineUser caller) {
        return one(dashboards.find(id).orElseThrow(), caller);
    }

    DashboardPage page(DashboardFilter filter, SightlineUser caller) {
        long count = dashboards.count(filter);
        PageRange.checkCount(count, filter.page(), filter.pageSize());
        List<DashboardRow> rows = count > filter.offset() ? dashboards.list(filter) : List.of();
        Set<Long> starred = favorites.starred(caller.id(), rows.stream().map(DashboardRow::id).toList());
        Set<Long> granted = grants.modifiableAmong(AccessGrants.DASHBOARDS, rows.stream().map(DashboardRow::id)
                .toList(), caller.id());
        Function<Long, QueryUser> lookup = userLookup();
        return new DashboardPage(count, filter.page(), filter.pageSize(), rows.stream()
                .map(row -> dashboard(row, caller, starred.contains(row.id()), lookup, granted.contains(row.id())))
                .toList());
    }

    /** In lists {@code widgets} is null, as in Redash. */
    private Dashboard dashboard(DashboardRow row, SightlineUser caller, boolean favorite,
                                Function<Long, QueryUser> user, boolean granted) {
        Map<String, Object> options = json.readValue(row.options(), OBJECT);
        return new Dashboard(row.id(), row.slug(), row.name(), row.userId(), user.apply(row.userId()),
                json.readValue(row.layout(), ARRAY), Boolean.TRUE.equals(options.get("dashboard_filters_enabled")),
                null, options, row.isArchived(), row.isDraft(), json.readValue(row.tags(), STRINGS),
                row.updatedAt(), row.createdAt(), row.version(), DashboardService.canEdit(caller, row, granted),
                favorite);
    }

    private Function<Long, QueryUser> userLookup() {
        Map<Long, QueryUser> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> users.summary(key)
                .map(u -> new QueryUser(u.id(), u.name(), u.email())).orElse(null));
    }
}
