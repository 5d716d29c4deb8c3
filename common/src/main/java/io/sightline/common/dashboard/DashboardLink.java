package io.sightline.common.dashboard;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to a dashboard with parameter values. Written in Redash's form {@code /dashboards/{id}-{slug}?p_name=value};
 * read in that form and in the production guide's {@code /dashboard/{id}?name=value} (its parameters take the
 * {@code p_} prefix). A host before the path and {@code refresh} are kept as they are.
 *
 * @param parameters URL parameters, decoded, with their {@code p_} prefix (plus {@code refresh} when given)
 */
public record DashboardLink(long dashboardId, Map<String, String> parameters) {

    private static final Pattern REDASH = Pattern.compile("(?:^|/)dashboards/(\\d+)(?:-[^/?#]*)?/?(?:\\?([^#]*))?");
    private static final Pattern GUIDE = Pattern.compile("(?:^|/)dashboard/(\\d+)/?(?:\\?([^#]*))?");

    public static Optional<DashboardLink> parse(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher redash = REDASH.matcher(link);
        if (redash.find()) {
            return Optional.of(new DashboardLink(Long.parseLong(redash.group(1)), query(redash.group(2), false)));
        }
        Matcher guide = GUIDE.matcher(link);
        if (guide.find()) {
            return Optional.of(new DashboardLink(Long.parseLong(guide.group(1)), query(guide.group(2), true)));
        }
        return Optional.empty();
    }

    /** Redash's form: {@code /dashboards/{id}-{slug}?p_...} (the slug is decoration: Redash routes by id). */
    public String toPath(String slug) {
        StringBuilder path = new StringBuilder("/dashboards/").append(dashboardId);
        if (slug != null && !slug.isBlank()) {
            path.append('-').append(slug);
        }
        String sep = "?";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            path.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        return path.toString();
    }

    private static Map<String, String> query(String query, boolean prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            boolean keep = !prefix || name.startsWith("p_") || name.equals("refresh");
            values.put(keep ? name : "p_" + name, value);
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
