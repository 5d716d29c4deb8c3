package io.sightline.server.share;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.share.PublicWidgetResults.Source;
import io.sightline.server.share.Shares.Opened;
import io.sightline.server.system.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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
 * the link first, so a revoked link stops at once, cached copies included ({@code no-cache}: a browser revalidates
 * with its ETag and gets 304 while the result is the same).
 */
@RestController
class ShareController {

    static final String PAGE = "/public/dashboards/";

    private final Shares shares;
    private final PublicDashboardJson publicJson;
    private final PublicWidgetResults widgetResults;

    ShareController(Shares shares, PublicDashboardJson publicJson, PublicWidgetResults widgetResults) {
        this.shares = shares;
        this.publicJson = publicJson;
        this.widgetResults = widgetResults;
    }

    /** Body (optional): {@code {"expires_at": "2027-01-31T18:00:00Z"}}; a link without one works until revoked. */
    @PostMapping("/api/dashboards/{id}/share")
    Map<String, Object> share(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"expires_at\": \"2027-01-31T18:00:00Z\"},"
                    + " or no body at all");
        }
        JsonNode expires = body == null ? null : body.get("expires_at");
        if (expires != null && !expires.isNull() && !expires.isString()) {
            throw ApiException.badRequest("'expires_at' must be a text such as 2027-01-31T18:00:00Z");
        }
        String expiresAt = expires == null || expires.isNull() ? null : expires.asString();
        String token = shares.share(CurrentUser.get(), id, expiresAt);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("public_url", ShareLinks.pageOf(token));
        out.put("api_key", token);
        out.put("expires_at", expiresAt == null ? null : java.time.OffsetDateTime.parse(expiresAt.strip()));
        return out;
    }

    @DeleteMapping("/api/dashboards/{id}/share")
    Map<String, Object> revoke(@PathVariable long id) {
        shares.revoke(CurrentUser.get(), id);
        return Map.of();
    }

    @GetMapping("/api/dashboards/public/{token}")
    ResponseEntity<Map<String, Object>> publicDashboard(@PathVariable String token) {
        Opened opened = shares.open(token);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(publicJson.of(opened.dashboard(), opened.widgets()));
    }

    @GetMapping("/api/dashboards/public/{token}/widgets/{widgetId}/results")
    ResponseEntity<Map<String, Object>> widgetResults(@PathVariable String token, @PathVariable long widgetId,
                                                      @RequestParam Map<String, String> url, WebRequest request) {
        Source source = widgetResults.source(shares.open(token), widgetId, url);
        if (source.result().isEmpty()) {
            var answer = source.failure() == null
                    ? ResponseEntity.status(HttpStatus.ACCEPTED).header("Retry-After", "2") : ResponseEntity.ok();
            return answer.cacheControl(CacheControl.noStore()).body(widgetResults.body(source));
        }
        String etag = source.etag();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate()).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate()).body(widgetResults.body(source));
    }

    private static CacheControl revalidate() {
        return CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate();
    }
}
