package io.sightline.common.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which parameter values each widget of a dashboard runs its query with, as Redash's client works them out
 * ({@code client/app/services/dashboard.js} and {@code widget.js}): a dashboard runs no query of its own; every
 * widget runs its query through the ordinary run endpoint ({@code POST /api/queries/{id}/results} with
 * {@code parameters}) with the values found here.
 *
 * <p>Per widget query parameter, by its mapping in {@code options.parameterMappings} (a parameter without one is
 * {@code widget-level}, or {@code dashboard-level} under its own name when the declaration says {@code global}):
 * <ul>
 *   <li>{@code dashboard-level}: the URL's {@code p_<mapTo>}, else the dashboard's saved value
 *       ({@code options.parameters[{name, value}]}), else the default of the first widget parameter mapped to it;</li>
 *   <li>{@code widget-level}: the URL's {@code p_w<widget id>_<name>}, else the query parameter's own value;</li>
 *   <li>{@code static-value}: the mapping's {@code value}.</li>
 * </ul>
 * URL values are read as Redash writes them: ranges {@code start--end} (or {@code .start} / {@code .end}), a
 * multi-value parameter as a JSON array of strings, dynamic tokens ({@code d_last_7_days}) as they are.
 * Works on parsed JSON (maps and lists), so the desktop and the server read the same dashboard JSON.
 */
public final class DashboardParameterValues {

    public static final String DASHBOARD_LEVEL = "dashboard-level";
    public static final String WIDGET_LEVEL = "widget-level";
    public static final String STATIC_VALUE = "static-value";

    /**
     * @param dashboard the values of the dashboard parameters, by name (what the header shows)
     * @param widgets per widget id (widgets with a query only), the values its query runs with, by parameter name
     */
    public record Resolved(Map<String, Object> dashboard, Map<Long, Map<String, Object>> widgets) {

        /** The widgets whose values differ from {@code before}'s (or that were not there): only those re-run. */
        public Set<Long> changedSince(Resolved before) {
            Set<Long> changed = new HashSet<>();
            widgets.forEach((id, values) -> {
                if (before == null || !Objects.equals(before.widgets.get(id), values)) {
                    changed.add(id);
                }
            });
            return changed;
        }
    }

    private DashboardParameterValues() {
    }

    /**
     * @param dashboard a dashboard as {@code GET /api/dashboards/{id}} returns it, parsed
     * @param url the page URL's parameters ({@code p_region -> EMEA}), decoded; may be empty
     */
    public static Resolved resolve(Map<String, Object> dashboard, Map<String, String> url) {
        Map<String, Object> saved = savedValues(dashboard);
        Map<String, Object> dashboardValues = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> widgetValues = new LinkedHashMap<>();
        List<Map<String, Object>> widgets = maps(dashboard.get("widgets"));
        // first pass: the dashboard parameters, each from its first mapped widget parameter's default
        for (Map<String, Object> widget : widgets) {
            for (Map<String, Object> param : parametersOf(widget)) {
                Map<String, Object> mapping = mapping(widget, param);
                if (DASHBOARD_LEVEL.equals(mapping.get("type"))) {
                    String name = mapTo(mapping, param);
                    if (!dashboardValues.containsKey(name)) {
                        Object value = saved.containsKey(name) ? saved.get(name) : param.get("value");
                        String fromUrl = url.get("p_" + name);
                        dashboardValues.put(name, fromUrl != null || hasRangeParts(url, "p_" + name)
                                ? fromUrl(param, url, "p_" + name) : value);
                    }
                }
            }
        }
        for (Map<String, Object> widget : widgets) {
            List<Map<String, Object>> params = parametersOf(widget);
            if (!(widget.get("id") instanceof Number id) || !hasQuery(widget)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map<String, Object> param : params) {
                String name = String.valueOf(param.get("name"));
                Map<String, Object> mapping = mapping(widget, param);
                Object type = mapping.get("type");
                if (DASHBOARD_LEVEL.equals(type)) {
                    values.put(name, dashboardValues.get(mapTo(mapping, param)));
                } else if (STATIC_VALUE.equals(type)) {
                    values.put(name, mapping.get("value"));
                } else {
                    String key = "p_w" + id.longValue() + "_" + name;
                    values.put(name, url.containsKey(key) || hasRangeParts(url, key)
                            ? fromUrl(param, url, key) : param.get("value"));
                }
            }
            widgetValues.put(id.longValue(), Collections.unmodifiableMap(values));
        }
        return new Resolved(Collections.unmodifiableMap(dashboardValues), Collections.unmodifiableMap(widgetValues));
    }

    /**
     * The dashboard parameters as a header shows them: by name, each with the declaration of the first widget query
     * parameter mapped to it (type, options and, when the mapping gives one, its title), in the dashboard's
     * {@code options.globalParamOrder} first and then in the order the widgets name them.
     */
    public static Map<String, Map<String, Object>> declarations(Map<String, Object> dashboard) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> widget : maps(dashboard.get("widgets"))) {
            for (Map<String, Object> param : parametersOf(widget)) {
                Map<String, Object> mapping = mapping(widget, param);
                String name = mapTo(mapping, param);
                if (DASHBOARD_LEVEL.equals(mapping.get("type")) && !found.containsKey(name)) {
                    Map<String, Object> declaration = new LinkedHashMap<>(param);
                    if (mapping.get("title") instanceof String title && !title.isBlank()) {
                        declaration.put("title", title);
                    }
                    found.put(name, Collections.unmodifiableMap(declaration));
                }
            }
        }
        Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
        if (dashboard.get("options") instanceof Map<?, ?> options && options.get("globalParamOrder") instanceof List<?> order) {
            for (Object name : order) {
                if (found.containsKey(String.valueOf(name))) {
                    ordered.put(String.valueOf(name), found.get(String.valueOf(name)));
                }
            }
        }
        found.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * A parameter value as Redash writes it in a URL ({@code p_<name>}): a range as {@code start--end}, several
     * values as a JSON array of strings, anything else as its text; null as the empty text. What {@link #resolve}
     * reads back into the same value.
     */
    public static String urlText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> range && range.containsKey("start")) {
            return range.get("start") + "--" + range.get("end");
        }
        if (value instanceof List<?> values) {
            StringBuilder json = new StringBuilder("[");
            for (Object item : values) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(String.valueOf(item).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return json.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static boolean hasQuery(Map<String, Object> widget) {
        return widget.get("visualization") instanceof Map<?, ?> v && v.get("query") instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parametersOf(Map<String, Object> widget) {
        if (widget.get("visualization") instanceof Map<?, ?> v && v.get("query") instanceof Map<?, ?> q
                && q.get("options") instanceof Map<?, ?> options) {
            return maps(((Map<String, Object>) options).get("parameters"));
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Map<String, Object> widget, Map<String, Object> param) {
        Object name = param.get("name");
        if (widget.get("options") instanceof Map<?, ?> options
                && options.get("parameterMappings") instanceof Map<?, ?> mappings
                && mappings.get(name) instanceof Map<?, ?> mapping) {
            return (Map<String, Object>) mapping;
        }
        Map<String, Object> fallback = new LinkedHashMap<>();
        fallback.put("name", name);
        fallback.put("type", Boolean.TRUE.equals(param.get("global")) ? DASHBOARD_LEVEL : WIDGET_LEVEL);
        fallback.put("mapTo", name);
        return fallback;
    }

    private static String mapTo(Map<String, Object> mapping, Map<String, Object> param) {
        return mapping.get("mapTo") instanceof String s && !s.isBlank() ? s : String.valueOf(param.get("name"));
    }

    private static Map<String, Object> savedValues(Map<String, Object> dashboard) {
        Map<String, Object> saved = new LinkedHashMap<>();
        if (dashboard.get("options") instanceof Map<?, ?> options) {
            for (Map<String, Object> p : maps(options.get("parameters"))) {
                if (p.get("name") instanceof String name) {
                    saved.put(name, p.get("value"));
                }
            }
        }
        return saved;
    }

    private static boolean hasRangeParts(Map<String, String> url, String key) {
        return url.containsKey(key + ".start") || url.containsKey(key + ".end");
    }

    /** A URL value read for the parameter's type, as Redash's {@code fromUrlParams}. */
    static Object fromUrl(Map<String, Object> param, Map<String, String> url, String key) {
        String type = String.valueOf(param.get("type"));
        String raw = url.get(key);
        if (type.endsWith("-range")) {
            if (raw == null) {
                return range(url.get(key + ".start"), url.get(key + ".end"));
            }
            int dashes = raw.indexOf("--");
            return dashes < 0 ? raw : range(raw.substring(0, dashes), raw.substring(dashes + 2));
        }
        if (raw != null && param.get("multiValuesOptions") instanceof Map<?, ?> && raw.startsWith("[")) {
            return jsonStrings(raw);
        }
        return raw;
    }

    private static Map<String, Object> range(String start, String end) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start", start);
        range.put("end", end);
        return range;
    }

    /** A JSON array of strings or numbers, as Redash writes a multi-value parameter in the URL. */
    private static List<String> jsonStrings(String raw) {
        List<String> values = new ArrayList<>();
        String body = raw.strip();
        body = body.substring(1, body.endsWith("]") ? body.length() - 1 : body.length());
        StringBuilder current = null;
        boolean escaped = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (current != null) {
                if (escaped) {
                    current.append(c);
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    values.add(current.toString());
                    current = null;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                current = new StringBuilder();
            } else if (c != ',' && !Character.isWhitespace(c)) {
                int next = body.indexOf(',', i);
                values.add(body.substring(i, next < 0 ? body.length() : next).strip());
                i = next < 0 ? body.length() : next;
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    maps.add((Map<String, Object>) map);
                }
            }
        }
        return maps;
    }
}
