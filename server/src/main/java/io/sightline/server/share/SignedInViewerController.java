package io.sightline.server.share;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.share.PublicWidgetResults.Source;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a signed-in user's dashboard page ({@code /dashboards/{id}-{slug}}) reads: {@code GET
 * /api/dashboards/{id}/view}, the dashboard in the public page's shape with the widgets the caller does not reach
 * restricted ({@link SignedInDashboards}), and {@code GET /api/dashboards/{id}/widgets/{widgetId}/results} with the
 * page's {@code p_…} values, a widget's result shaped for drawing, run as the caller ({@link SignedInWidgetResults}):
 * 202 while its query runs, a body with {@code error} when the run failed. Read-only: nothing here changes a
 * dashboard.
 */
@RestController
class SignedInViewerController {

    private final SignedInDashboards dashboards;
    private final SignedInWidgetResults widgetResults;
    private final PublicWidgetResults shaping;

    SignedInViewerController(SignedInDashboards dashboards, SignedInWidgetResults widgetResults,
                             PublicWidgetResults shaping) {
        this.dashboards = dashboards;
        this.widgetResults = widgetResults;
        this.shaping = shaping;
    }

    @GetMapping("/api/dashboards/{id}/view")
    ResponseEntity<Map<String, Object>> dashboard(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(dashboards.json(caller, dashboards.require(caller, id)));
    }

    @GetMapping("/api/dashboards/{id}/widgets/{widgetId}/results")
    ResponseEntity<Map<String, Object>> widgetResults(@PathVariable long id, @PathVariable long widgetId,
                                                      @RequestParam Map<String, String> url) {
        Source source = widgetResults.source(CurrentUser.get(), id, widgetId, url);
        var answer = source.result().isEmpty() && source.failure() == null
                ? ResponseEntity.status(HttpStatus.ACCEPTED).header("Retry-After", "2") : ResponseEntity.ok();
        return answer.cacheControl(CacheControl.noStore()).body(shaping.body(source));
    }
}
