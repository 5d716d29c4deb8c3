package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.dashboard.DashboardPage;
import io.sightline.common.api.query.QueryUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.system.PageRange;
import java.util.HashMap;
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

    DashboardLists(DashboardRepository dashboards, DashboardFavoriteRepository favorites, Users users,
                   JsonMapper json) {
        this.dashboards = dashboards;
        this.favorites = favorites;
        this.users = users;
        this.json = json;
    }

    Dashboard one(DashboardRow row, SightlineUser caller) {
        return dashboard(row, caller, !favorites.starred(caller.id(), List.of(row.id())).isEmpty(), userLookup());
    }

    Dashboard one(long id, SightlineUser caller) {
        return one(dashboards.find(id).orElseThrow(), caller);
    }

    DashboardPage page(DashboardFilter filter, SightlineUser caller) {
        long count = dashboards.count(filter);
        PageRange.checkCount(count, filter.page(), filter.pageSize());
        List<DashboardRow> rows = count > filter.offset() ? dashboards.list(filter) : List.of();
        Set<Long> starred = favorites.starred(caller.id(), rows.stream().map(DashboardRow::id).toList());
        Function<Long, QueryUser> lookup = userLookup();
        return new DashboardPage(count, filter.page(), filter.pageSize(), rows.stream()
                .map(row -> dashboard(row, caller, starred.contains(row.id()), lookup)).toList());
    }

    /** Widgets come with the widget feature; until then a dashboard has none. */
    private Dashboard dashboard(DashboardRow row, SightlineUser caller, boolean favorite,
                                Function<Long, QueryUser> user) {
        Map<String, Object> options = json.readValue(row.options(), OBJECT);
        return new Dashboard(row.id(), row.slug(), row.name(), row.userId(), user.apply(row.userId()),
                json.readValue(row.layout(), ARRAY), Boolean.TRUE.equals(options.get("dashboard_filters_enabled")),
                List.of(), options, row.isArchived(), row.isDraft(), json.readValue(row.tags(), STRINGS),
                row.updatedAt(), row.createdAt(), row.version(), DashboardService.canEdit(caller, row), favorite);
    }

    private Function<Long, QueryUser> userLookup() {
        Map<Long, QueryUser> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> users.summary(key)
                .map(u -> new QueryUser(u.id(), u.name(), u.email())).orElse(null));
    }
}
