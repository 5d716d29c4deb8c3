package io.sightline.desktop.api;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.dashboard.DashboardParameterValues;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A dashboard's public share link and its signed embed links ({@code /api/dashboards/{id}/share|embed}), over the
 * workbench's transport. Every method blocks: call it from a background task.
 */
public final class SharesClient {

    private final SightlineClient transport;

    public SharesClient(SightlineClient transport) {
        this.transport = transport;
    }

    /**
     * The dashboard as its Share dialog needs it: its share link (shown to its owner and admins only) and its
     * dashboard parameters.
     *
     * @param link the working share link, or null; its {@code expiresAt} is null, as the server does not say it
     * @param parameters the dashboard parameters (what an embed link may lock) and their current values, by name
     */
    public record Shared(long dashboardId, String name, ShareLink link, Map<String, Object> parameters) {
    }

    /** A share link: the page anyone with it sees, its token, and its end (null: until revoked, or not known). */
    public record ShareLink(String publicUrl, String token, OffsetDateTime expiresAt) {
    }

    /** A signed embed link with the parameter values it locks, ending at {@code expiresAt}. */
    public record EmbedLink(String url, OffsetDateTime expiresAt, Map<String, String> lockedParameters) {
    }

    /** {@code GET /api/dashboards/{id}}. */
    public Shared shared(long dashboardId) {
        Dashboard dashboard = new DashboardsClient(transport).dashboard(dashboardId);
        ShareLink link = dashboard.publicUrl() == null ? null
                : new ShareLink(dashboard.publicUrl(), dashboard.apiKey(), dashboard.publicUrlExpiresAt());
        return new Shared(dashboard.id(), dashboard.name(), link, dashboardParameters(dashboard));
    }

    /**
     * {@code POST /api/dashboards/{id}/share}: a new link, ending the one before.
     *
     * @param expiresAt when the link stops working, or null for "until revoked"
     * @throws ApiException 400 with the server's reason, e.g. naming the queries a viewer could change
     */
    public ShareLink share(long dashboardId, OffsetDateTime expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        JsonNode answer = transport.post(transport.url("api/dashboards/" + dashboardId + "/share"), body);
        return new ShareLink(answer.path("public_url").asString(), answer.path("api_key").asString(),
                time(answer.path("expires_at")));
    }

    /** {@code DELETE /api/dashboards/{id}/share}: the link (and every embed link made from it) stops at once. */
    public void revoke(long dashboardId) {
        transport.delete(transport.url("api/dashboards/" + dashboardId + "/share"));
    }

    /**
     * {@code POST /api/dashboards/{id}/embed}: a signed link with {@code locked} values its viewers cannot change.
     *
     * @param expiresAt its end, or null for the server's default (30 days)
     * @throws ApiException 400 with the server's reason (no share link, a value the parameter refuses, ...)
     */
    public EmbedLink embed(long dashboardId, OffsetDateTime expiresAt, Map<String, String> locked) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        body.put("parameters", locked);
        JsonNode answer = transport.post(transport.url("api/dashboards/" + dashboardId + "/embed"), body);
        Map<String, String> values = new TreeMap<>();
        answer.path("parameters").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return new EmbedLink(answer.path("embed_url").asString(), time(answer.path("expires_at")), values);
    }

    /** The dashboard parameters and their values, worked out as the shared page does (common's rules). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> dashboardParameters(Dashboard dashboard) {
        Map<String, Object> json = SightlineClient.JSON.convertValue(dashboard, Map.class);
        return DashboardParameterValues.resolve(json, Map.of()).dashboard();
    }

    /** A value as the page's address writes it: ranges {@code start--end}, lists as JSON, the rest as text. */
    public static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> range && range.containsKey("start") && range.containsKey("end")) {
            return range.get("start") + "--" + range.get("end");
        }
        if (value instanceof List<?>) {
            return SightlineClient.JSON.writeValueAsString(value);
        }
        return String.valueOf(value);
    }

    private static OffsetDateTime time(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
