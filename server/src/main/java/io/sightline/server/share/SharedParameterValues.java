package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.dashboard.DashboardParameterValues;
import io.sightline.common.dashboard.DashboardParameterValues.Resolved;
import io.sightline.server.share.Shares.Opened;
import io.sightline.server.system.ApiException;
import io.sightline.server.share.ShareRepository.SharedWidget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The values each widget of a shared dashboard runs its query with: common's {@link DashboardParameterValues}, the
 * same rules the desktop follows (mappings, the dashboard's saved values, the page's {@code p_} values), over the
 * dashboard as its public JSON shows it. A page asks once per widget; the answer is worked out once per dashboard
 * version and page address.
 */
@Component
class SharedParameterValues {

    static final int MAX_URL_VALUES = 100;
    static final int MAX_URL_VALUE_CHARS = 4000;

    private final PublicDashboardJson publicJson;
    private final Cache<Key, Resolved> resolved = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    SharedParameterValues(PublicDashboardJson publicJson) {
        this.publicJson = publicJson;
    }

    /**
     * @param url the page's parameters; only {@code p_…} ones are read
     * @return the widget's query parameter values by name (empty for a query without parameters)
     * @throws ApiException 400 for more, or longer, page values than a dashboard can use
     */
    Map<String, Object> of(Opened opened, long widgetId, Map<String, String> url) {
        Map<String, String> values = pageValues(url);
        opened.locked().forEach((name, value) -> {
            // an embed link's own values: whatever the page's address says of them
            values.keySet().removeIf(k -> k.equals("p_" + name) || k.startsWith("p_" + name + "."));
            values.put("p_" + name, value);
        });
        Key key = new Key(opened.share().token(), fingerprint(opened), values);
        Resolved answer = resolved.get(key, k -> DashboardParameterValues.resolve(
                publicJson.withoutDrillThrough(opened.dashboard(), opened.widgets()), values));
        return answer.widgets().getOrDefault(widgetId, Map.of());
    }

    /** The dashboard's dashboard-level parameters, by name: what an embed link may lock. */
    java.util.Set<String> dashboardParameters(Opened opened) {
        return DashboardParameterValues.resolve(
                publicJson.withoutDrillThrough(opened.dashboard(), opened.widgets()), Map.of()).dashboard().keySet();
    }

    /**
     * What the values depend on: the dashboard's saved values, the widgets' mappings, the queries' parameters,
     * compared as text (two different texts may share a hash code; they never share a key).
     */
    private static List<Object> fingerprint(Opened opened) {
        List<Object> parts = new ArrayList<>();
        parts.add(opened.dashboard().options());
        for (SharedWidget widget : opened.widgets()) {
            parts.add(widget.id());
            parts.add(widget.options());
            parts.add(widget.queryOptions() == null ? "" : widget.queryOptions());
        }
        return parts;
    }

    /** The page's {@code p_} values, checked against the limits of what a dashboard can use. */
    static Map<String, String> pageValues(Map<String, String> url) {
        Map<String, String> values = new TreeMap<>();
        url.forEach((name, value) -> {
            if (name.startsWith("p_") && value != null) {
                if (value.length() > MAX_URL_VALUE_CHARS) {
                    throw ApiException.badRequest("The page's value of '" + name.substring(2) + "' is "
                            + value.length() + " characters long; at most " + MAX_URL_VALUE_CHARS + " are read");
                }
                values.put(name, value);
            }
        });
        if (values.size() > MAX_URL_VALUES) {
            throw ApiException.badRequest("The page passes " + values.size() + " parameter values; at most "
                    + MAX_URL_VALUES + " are read");
        }
        return values;
    }

    private record Key(String token, List<Object> fingerprint, Map<String, String> values) {
    }
}
