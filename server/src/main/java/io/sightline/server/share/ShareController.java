package io.sightline.server.share;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.execution.QueryRuns;
import io.sightline.server.share.PublicWidgetResults.Source;
import io.sightline.server.share.Shares.Opened;
import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST|DELETE /api/dashboards/{id}/share} (Redash's shape: {@code {public_url, api_key}}) and what a link
 * reaches without signing in: {@code GET /api/dashboards/public/{token}} and the results of that dashboard's
 * widgets, {@code GET /api/dashboards/public/{token}/widgets/{id}/results} (with the page's {@code p_…} values,
 * which parameterized widgets run with as their dashboard maps them). Every token answer is checked against
 * the link first (as {@link Shares} keeps it: a revoke ends it at once on this process, within
 * {@link Shares#OPENED_FOR} on other replicas), cached copies included ({@code no-cache}: a browser revalidates
 * with its ETag and gets 304 while the result is the same).
 */
@RestController
class ShareController {

    static final String PAGE = "/public/dashboards/";
    static final java.time.Duration EMBED_LIFETIME = java.time.Duration.ofDays(30);

    private final Shares shares;
    private final PublicDashboardJson publicJson;
    private final PublicWidgetResults widgetResults;
    private final SharedParameterValues parameterValues;
    private final QueryRuns runs;

    ShareController(Shares shares, PublicDashboardJson publicJson, PublicWidgetResults widgetResults,
                    SharedParameterValues parameterValues, QueryRuns runs) {
        this.shares = shares;
        this.publicJson = publicJson;
        this.widgetResults = widgetResults;
        this.parameterValues = parameterValues;
        this.runs = runs;
    }

    /** Body (optional): {@code {"expires_at": "2027-01-31T18:00:00Z"}}; a link without one works until revoked. */
    @PostMapping("/api/dashboards/{id}/share")
    Map<String, Object> share(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
        OffsetDateTime expiresAt = Shares.expiry(expiresAt(body, "{\"expires_at\": \"2027-01-31T18:00:00Z\"}"));
        String token = shares.share(CurrentUser.get(), id, expiresAt);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("public_url", ShareLinks.pageOf(token));
        out.put("api_key", token);
        out.put("expires_at", expiresAt);
        return out;
    }

    /**
     * A signed embed link: body {@code {"expires_at": "...", "parameters": {"region": "EMEA"}}}; without
     * {@code expires_at} it ends in {@link #EMBED_LIFETIME}. Locked values are checked against the parameters they
     * go to, as a viewer's would be, before the link is signed.
     */
    @PostMapping("/api/dashboards/{id}/embed")
    Map<String, Object> embed(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
        String expiry = expiresAt(body, "{\"expires_at\": \"2027-01-31T18:00:00Z\", \"parameters\": {\"region\": \"EMEA\"}}");
        OffsetDateTime expiresAt = expiry == null ? Shares.now().plus(EMBED_LIFETIME) : Shares.expiry(expiry);
        Map<String, String> locked = lockedValues(body == null ? null : body.get("parameters"));
        Opened target = shares.embedTarget(CurrentUser.get(), id, expiresAt);
        var known = parameterValues.dashboardParameters(target);
        for (String name : locked.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("'parameters': the dashboard has no parameter '" + name + "'"
                        + (known.isEmpty() ? "" : "; it has " + String.join(", ", known)));
            }
        }
        Opened opened = new Opened(target.share(), target.dashboard(), target.widgets(), locked, null);
        for (var widget : opened.widgets()) {
            if (widget.queryId() != null) {
                runs.checkSharedValues(widget.queryId(), parameterValues.of(opened, widget.id(), Map.of()));
            }
        }
        String token = shares.signEmbed(target, expiresAt, locked);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("embed_url", ShareLinks.pageOf(token));
        out.put("token", token);
        out.put("expires_at", expiresAt);
        out.put("parameters", locked);
        return out;
    }

    /**
     * The {@code expires_at} text of an optional JSON object body, for a share and an embed link alike.
     *
     * @return null when there is no body, no {@code expires_at}, or a null or blank one
     * @throws ApiException 400 for a body that is not an object, or an {@code expires_at} that is not a text
     */
    private static String expiresAt(JsonNode body, String example) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as " + example + ", or no body at all");
        }
        JsonNode expires = body == null || body.isNull() ? null : body.get("expires_at");
        if (expires == null || expires.isNull()) {
            return null;
        }
        if (!expires.isString()) {
            throw ApiException.badRequest("'expires_at' must be a text such as 2027-01-31T18:00:00Z");
        }
        return expires.asString().isBlank() ? null : expires.asString();
    }

    private static Map<String, String> lockedValues(JsonNode parameters) {
        Map<String, String> locked = new java.util.TreeMap<>();
        if (parameters == null || parameters.isNull()) {
            return locked;
        }
        if (!parameters.isObject()) {
            throw ApiException.badRequest("'parameters' must be an object of parameter names and the values to lock");
        }
        for (var entry : parameters.properties()) {
            JsonNode value = entry.getValue();
            String text;
            if (value.isString() || value.isNumber() || value.isBoolean()) {
                text = value.asString();
            } else if (value.isArray()) {
                text = value.toString();
            } else if (value.isObject() && value.has("start") && value.has("end")) {
                text = value.get("start").asString() + "--" + value.get("end").asString();
            } else {
                throw ApiException.badRequest("'parameters." + entry.getKey() + "' must be a text, a number, a list"
                        + " or {start, end}");
            }
            locked.put(entry.getKey(), text);
        }
        return locked;
    }

    @DeleteMapping("/api/dashboards/{id}/share")
    Map<String, Object> revoke(@PathVariable long id) {
        shares.revoke(CurrentUser.get(), id);
        return Map.of();
    }

    @GetMapping("/api/dashboards/public/{token}")
    ResponseEntity<byte[]> publicDashboard(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(publicJson.json(shares.open(token)));
    }

    @GetMapping("/api/dashboards/public/{token}/widgets/{widgetId}/results")
    ResponseEntity<?> widgetResults(@PathVariable String token, @PathVariable long widgetId,
                                                      @RequestParam Map<String, String> url, WebRequest request) {
        Source source = widgetResults.source(shares.open(token), widgetId, url);
        if (source.result().isEmpty()) {
            var answer = source.failure() == null
                    ? ResponseEntity.status(HttpStatus.ACCEPTED).header("Retry-After", "2") : ResponseEntity.ok();
            return answer.cacheControl(CacheControl.noStore()).body(widgetResults.body(source));
        }
        String etag = widgetResults.etag(source);
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate()).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate()).contentType(MediaType.APPLICATION_JSON)
                .body(widgetResults.json(source));
    }

    private static CacheControl revalidate() {
        return CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate();
    }
}
