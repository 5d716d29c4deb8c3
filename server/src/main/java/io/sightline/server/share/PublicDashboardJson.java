package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redash's {@code public_dashboard} / {@code public_widget} shape: the dashboard's name, layout, options and
 * widgets, each visualization with its query's id, name, description and options, and nothing else of the query
 * (no text, no data source, no owner). Sightline adds {@code text_html} to a text widget, its Markdown rendered on
 * the server with raw HTML escaped, so the page never renders what a dashboard editor typed as markup; and a
 * visualization's drill-through points at its target's own link, or is left out when the target is not shared.
 */
@Component
class PublicDashboardJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> ARRAY = new TypeReference<>() {
    };

    /**
     * The answer's bytes per opened link (kept by {@link Shares} for {@link Shares#OPENED_FOR}, compared by
     * identity), built again after any link of this process was shared or revoked, as a drill-through's target
     * may have been.
     */
    private final Cache<Shares.Opened, Built> built = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();
    private final JsonMapper json;
    private final Shares shares;
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    PublicDashboardJson(JsonMapper json, Shares shares) {
        this.json = json;
        this.shares = shares;
    }

    Map<String, Object> of(SharedDashboard dashboard, List<SharedWidget> widgets) {
        return of(dashboard, widgets, "public_url", target -> shares.openable(target).map(t -> ShareController.PAGE + t));
    }

    /** The link's answer as JSON, with an embed link's locked values. */
    byte[] json(Shares.Opened opened) {
        long forgets = shares.forgets();
        Built kept = built.getIfPresent(opened);
        if (kept != null && kept.forgets() == forgets) {
            return kept.json();
        }
        Map<String, Object> dashboard = of(opened.dashboard(), opened.widgets());
        if (!opened.locked().isEmpty()) {
            dashboard.put("locked_parameters", opened.locked()); // an embed link's: the page shows them fixed
        }
        byte[] bytes = json.writeValueAsBytes(dashboard);
        built.put(opened, new Built(forgets, bytes));
        return bytes;
    }

    private record Built(long forgets, byte[] json) {
    }

    /**
     * The same JSON with every drill-through left out, for working out parameter values, which never read one:
     * no other dashboard's link is looked up for it.
     */
    Map<String, Object> withoutDrillThrough(SharedDashboard dashboard, List<SharedWidget> widgets) {
        return of(dashboard, widgets, "public_url", target -> Optional.empty());
    }

    /**
     * As {@link #of(SharedDashboard, List)}, with a drill-through leading where {@code linkOf} says (under
     * {@code linkField}), or left out where it says nothing: the signed-in page links to the target's own page when
     * its viewer may see it.
     */
    Map<String, Object> of(SharedDashboard dashboard, List<SharedWidget> widgets, String linkField,
                           LongFunction<Optional<String>> linkOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", dashboard.id());
        out.put("name", dashboard.name());
        out.put("slug", dashboard.slug());
        out.put("layout", json.readValue(dashboard.layout(), ARRAY));
        Map<String, Object> options = json.readValue(dashboard.options(), OBJECT);
        options.remove("sightline"); // the dashboard's stable key for imports: nothing a viewer needs
        out.put("dashboard_filters_enabled", Boolean.TRUE.equals(options.get("dashboard_filters_enabled")));
        out.put("options", options);
        out.put("updated_at", dashboard.updatedAt());
        out.put("created_at", dashboard.createdAt());
        out.put("widgets", widgets.stream().map(w -> widget(w, linkField, linkOf)).toList());
        return out;
    }

    /**
     * A drill-through ({@code options.sightline.drillthrough}) leads to its target's own link when the target is
     * shared too ({@code public_url} in place of the dashboard's id, with the same parameter mapping); else it is
     * left out, so the page offers no click that would fail and says nothing of a dashboard not shared.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> drillThrough(Map<String, Object> options, String linkField,
                                             LongFunction<Optional<String>> linkOf) {
        if (!(options.get("sightline") instanceof Map<?, ?> sightline)
                || !(sightline.get("drillthrough") instanceof Map<?, ?> drill)) {
            return options;
        }
        Map<String, Object> own = new LinkedHashMap<>((Map<String, Object>) sightline);
        own.remove("drillthrough");
        Optional<String> link = drill.get("dashboard") instanceof Number target
                ? linkOf.apply(target.longValue()) : Optional.empty();
        link.ifPresent(url -> {
            Map<String, Object> shared = new LinkedHashMap<>();
            shared.put(linkField, url);
            shared.put("parameters", drill.get("parameters") instanceof Map<?, ?> p ? p : Map.of());
            own.put("drillthrough", shared);
        });
        Map<String, Object> out = new LinkedHashMap<>(options);
        out.put("sightline", own);
        return out;
    }

    private Map<String, Object> widget(SharedWidget w, String linkField, LongFunction<Optional<String>> linkOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id());
        out.put("width", w.width());
        out.put("options", json.readValue(w.options(), OBJECT));
        out.put("text", w.text());
        if (w.visualizationId() == null && w.text() != null) {
            out.put("text_html", html.render(markdown.parse(w.text())));
        }
        out.put("updated_at", w.updatedAt());
        out.put("created_at", w.createdAt());
        if (w.visualizationId() != null) {
            Map<String, Object> viz = new LinkedHashMap<>();
            viz.put("id", w.visualizationId());
            viz.put("type", w.vizType());
            viz.put("name", w.vizName());
            viz.put("description", w.vizDescription());
            viz.put("options", drillThrough(json.readValue(w.vizOptions(), OBJECT), linkField, linkOf));
            viz.put("updated_at", w.vizUpdatedAt());
            viz.put("created_at", w.vizCreatedAt());
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("id", w.queryId());
            query.put("name", w.queryName());
            query.put("description", w.queryDescription());
            Map<String, Object> queryOptions = json.readValue(w.queryOptions(), OBJECT);
            queryOptions.remove("sightline");
            query.put("options", queryOptions);
            viz.put("query", query);
            out.put("visualization", viz);
        }
        return out;
    }
}
