package io.sightline.server.dashboard;

import io.sightline.server.auth.AccessGrants;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Creating, finding, archiving and starring dashboards, with Redash's permission rules. */
@Service
class DashboardService {

    static final int MAX_SLUG_CHARS = 140;
    static final String FILTERS_ENABLED = "dashboard_filters_enabled";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DashboardRepository dashboards;
    private final DashboardFavoriteRepository favorites;
    private final WidgetRepository widgets;
    private final ObjectKeyRepository keys;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final AccessGrants grants;

    DashboardService(DashboardRepository dashboards, DashboardFavoriteRepository favorites, WidgetRepository widgets,
                     ObjectKeyRepository keys, JsonMapper json, ApplicationEventPublisher events, AccessGrants grants) {
        this.events = events;
        this.grants = grants;
        this.dashboards = dashboards;
        this.favorites = favorites;
        this.widgets = widgets;
        this.keys = keys;
        this.json = json;
    }

    /** A numeric key is an id, anything else a slug (Redash accepts both in the URL). */
    DashboardRow require(String idOrSlug) {
        var found = idOrSlug.chars().allMatch(Character::isDigit) && idOrSlug.length() < 19
                ? dashboards.find(Long.parseLong(idOrSlug)) : dashboards.findBySlug(idOrSlug);
        return found.orElseThrow(() -> ApiException.notFound("Dashboard " + idOrSlug + " does not exist"));
    }

    DashboardRow requireBySlug(String slug) {
        return dashboards.findBySlug(slug).orElseThrow(() -> ApiException.notFound("Dashboard " + slug
                + " does not exist"));
    }

    java.util.Optional<DashboardRow> find(long id) {
        return dashboards.find(id);
    }

    /** The slug is the name in URL form, made unique with a number when another dashboard has it. */
    @Transactional
    long create(SightlineUser caller, NewDashboard dashboard) {
        require(caller, "create_dashboard", "create dashboards");
        return create(caller.id(), dashboard);
    }

    /** A dashboard owned by {@code ownerId}, with a new stable key ({@code options.sightline.key}). */
    @Transactional
    long create(long ownerId, NewDashboard dashboard) {
        long id = dashboards.insert(dashboard, uniqueSlug(dashboard.name()), ownerId, now());
        keys.keyOrNew(ObjectKeyRepository.DASHBOARD, id);
        events.publishEvent(Audited.of("create", "dashboard", id, Map.of("name", dashboard.name(), "owner_id", ownerId)));
        return id;
    }

    private String uniqueSlug(String name) {
        String base = slug(name);
        String slug = base;
        for (int n = 2; dashboards.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * Redash's update: the fields sent change, the version goes up by one.
     *
     * @throws ApiException 403 without {@code edit_dashboard} or when not the owner or an admin, 409 when
     *         {@code version} was sent and is not the current one (someone saved meanwhile)
     */
    @Transactional
    DashboardRow update(SightlineUser caller, String idOrSlug, DashboardEdit edit) {
        require(caller, "edit_dashboard", "edit dashboards");
        DashboardRow row = require(idOrSlug);
        if (!canEdit(caller, row)) {
            throw ApiException.forbidden("Only the owner of dashboard " + row.id()
                    + ", an admin or a user they granted 'modify' may change it");
        }
        if (edit.version() != null && edit.version() != row.version()) {
            throw changedMeanwhile(row, edit.version());
        }
        Map<String, Object> options = json.readValue(edit.has("options") ? edit.optionsJson() : row.options(), OBJECT);
        Object filters = edit.filtersEnabled() != null ? edit.filtersEnabled()
                : json.readValue(row.options(), OBJECT).get(FILTERS_ENABLED);
        options.remove(FILTERS_ENABLED);
        if (Boolean.TRUE.equals(filters)) {
            options.put(FILTERS_ENABLED, true);
        }
        withoutKey(options);
        String name = edit.name() != null ? edit.name() : row.name();
        String slug = name.equals(row.name()) ? row.slug() : uniqueSlug(name);
        var changed = new DashboardRow(row.id(), slug, name, row.userId(),
                edit.layoutJson() != null ? edit.layoutJson() : row.layout(), json.writeValueAsString(options),
                edit.tagsJson() != null ? edit.tagsJson() : row.tags(),
                edit.archived() != null ? edit.archived() : row.isArchived(),
                edit.draft() != null ? edit.draft() : row.isDraft(), row.version(), row.createdAt(), row.updatedAt());
        if (!dashboards.update(changed, row.version(), now())) {
            throw changedMeanwhile(require(String.valueOf(row.id())), row.version());
        }
        events.publishEvent(Audited.of("edit", "dashboard", row.id(), Map.of("name", name,
                "version", row.version() + 1)));
        return dashboards.find(row.id()).orElseThrow();
    }

    /**
     * Redash's fork: a draft copy owned by the caller named "Copy of (#id) name", with the layout, tags and widgets
     * (the same visualizations) of the original; its options start empty, as in Redash, but for the filters flag.
     */
    @Transactional
    long fork(SightlineUser caller, String idOrSlug) {
        require(caller, "edit_dashboard", "edit dashboards");
        DashboardRow source = require(idOrSlug);
        String name = "Copy of (#" + source.id() + ") " + source.name();
        if (name.length() > DashboardBodyReader.MAX_NAME_CHARS) {
            name = name.substring(0, DashboardBodyReader.MAX_NAME_CHARS);
        }
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        if (Boolean.TRUE.equals(json.readValue(source.options(), OBJECT).get(FILTERS_ENABLED))) {
            options.put(FILTERS_ENABLED, true);
        }
        long id = create(caller.id(), new NewDashboard(name, source.tags(), source.layout(),
                json.writeValueAsString(options), true));
        widgets.copy(source.id(), id, now());
        events.publishEvent(Audited.of("fork", "dashboard", id, Map.of("forked_from", source.id())));
        return id;
    }

    /**
     * Redash's {@code /api/dashboards/tags}: each tag of the dashboards not archived that {@code viewerId} may list
     * (others' drafts are not), with how many carry it.
     */
    List<Map<String, Object>> tagCounts(long viewerId) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String tags : dashboards.tagsOfListed(viewerId)) {
            json.readValue(tags, STRINGS).forEach(tag -> counts.merge(tag, 1, Integer::sum));
        }
        return counts.entrySet().stream().map(e -> Map.<String, Object>of("name", e.getKey(), "count", e.getValue()))
                .toList();
    }

    /** Removes {@code sightline.key} from options to store: the key is kept apart and shown when serialised. */
    static void withoutKey(Map<String, Object> options) {
        if (options.get("sightline") instanceof Map<?, ?> sightline && sightline.containsKey("key")) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>(sightline);
            copy.remove("key");
            if (copy.isEmpty()) {
                options.remove("sightline");
            } else {
                options.put("sightline", copy);
            }
        }
    }

    private static ApiException changedMeanwhile(DashboardRow current, long sent) {
        return ApiException.conflict("Dashboard " + current.id() + " was changed meanwhile: it is at version "
                + current.version() + ", the update was made on version " + sent + ". Reload it and apply the change again");
    }

    @Transactional
    long archive(SightlineUser caller, String idOrSlug) {
        DashboardRow row = require(idOrSlug);
        if (!canEdit(caller, row)) {
            throw ApiException.forbidden("Only the owner of dashboard " + row.id()
                    + ", an admin or a user they granted 'modify' may archive it");
        }
        dashboards.archive(row.id(), now());
        events.publishEvent(Audited.of("archive", "dashboard", row.id()));
        return row.id();
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

    /** Redash's {@code can_edit}: with {@code edit_dashboard}, the owner, an admin or a user granted {@code modify}. */
    boolean canEdit(SightlineUser user, DashboardRow row) {
        return canEdit(user, row, grants.mayModify(AccessGrants.DASHBOARDS, row.id(), user.id()));
    }

    /** @param granted whether the user was granted {@code modify} on the dashboard */
    static boolean canEdit(SightlineUser user, DashboardRow row, boolean granted) {
        return user.has("edit_dashboard") && (user.isAdmin() || user.id() == row.userId() || granted);
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
