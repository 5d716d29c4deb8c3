package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.common.dashboard.DashboardParameterValues;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.execution.QueryRuns;
import io.sightline.server.execution.RunAnswer;
import io.sightline.server.result.ResultStore;
import io.sightline.server.share.PublicWidgetResults.Source;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import io.sightline.server.system.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A widget's data for a signed-in user's page: the widget's saved query run as that user, as the desktop's
 * dashboard runs it ({@link QueryRuns#runSaved}: their data source access, view-only rules and job limits apply),
 * with the values common's {@link DashboardParameterValues} gives it from the dashboard and the page's {@code p_}
 * values, answered from any cached result of the same SQL (or one within the dashboard's refresh interval), and
 * shaped for drawing as the public page's answers are ({@link PublicWidgetResults#body}). While a run goes on, the
 * page's polls follow that run's job, so a run that fails is reported once, not started again by the next poll.
 */
@Component
class SignedInWidgetResults {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final SignedInDashboards dashboards;
    private final PublicDashboardJson publicJson;
    private final QueryRuns runs;
    private final ResultStore results;
    private final PublicWidgetResults shaping;
    private final JsonMapper json;
    /** The run each user's widget with its values waits for, while the page may still poll for it. */
    private final Cache<Waiting, String> waiting = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();

    SignedInWidgetResults(SignedInDashboards dashboards, PublicDashboardJson publicJson, QueryRuns runs,
                          ResultStore results, PublicWidgetResults shaping, JsonMapper json) {
        this.dashboards = dashboards;
        this.publicJson = publicJson;
        this.runs = runs;
        this.results = results;
        this.shaping = shaping;
        this.json = json;
    }

    /**
     * @param url the page's address parameters; only {@code p_…} ones are read
     * @throws ApiException 404 for a dashboard the caller may not see, or a widget not on it, showing no query or
     *         of a data source the caller does not reach; else as {@link QueryRuns#runSaved} refuses the run (400
     *         for a page value its parameter does not take, 403 for a query a view-only user may not run)
     */
    Source source(SightlineUser caller, long dashboardId, long widgetId, Map<String, String> url) {
        SharedDashboard dashboard = dashboards.require(caller, dashboardId);
        List<SharedWidget> reachable = dashboards.reachable(caller, dashboard);
        SharedWidget widget = reachable.stream().filter(w -> w.id() == widgetId && w.queryId() != null).findFirst()
                .orElseThrow(() -> ApiException.notFound("Widget " + widgetId + " is not a chart of dashboard "
                        + dashboardId + " that you can see"));
        Map<String, String> pageValues = SharedParameterValues.pageValues(url);
        // the page's own view of the dashboard's parameters: its widgets the caller reaches (drill links not needed)
        Map<String, Object> seen = publicJson.of(dashboard, reachable, "url", target -> Optional.empty());
        Map<String, Object> values = DashboardParameterValues.resolve(seen, pageValues).widgets()
                .getOrDefault(widgetId, Map.of());
        Waiting key = new Waiting(caller.id(), widgetId, values);
        String jobId = waiting.getIfPresent(key);
        Job last = jobId == null ? null : jobIfKept(jobId, caller);
        if (last != null && !last.status().ended()) {
            return new Source(widget, Optional.empty(), null);
        }
        waiting.invalidate(key);
        if (last != null && last.status() != JobStatus.FINISHED) {
            return queued(widget, last);
        }
        RunAnswer answer = runs.runSaved(caller, widget.queryId(), values, maxAge(dashboard));
        if (answer instanceof RunAnswer.Queued queued && !queued.job().status().ended()) {
            waiting.put(key, queued.job().id());
        }
        if (answer instanceof RunAnswer.Cached cached) {
            return stored(widget, cached.queryResultId());
        }
        if (answer instanceof RunAnswer.Finished finished) {
            return stored(widget, finished.job().queryResultId());
        }
        return queued(widget, ((RunAnswer.Queued) answer).job());
    }

    private Source stored(SharedWidget widget, Long resultId) {
        return new Source(widget, resultId == null ? Optional.empty() : results.find(resultId),
                "This widget's result is no longer stored; open the page again to run its query");
    }

    /** Still running: the page asks again. Ended without a result: why, as the caller may read it. */
    private static Source queued(SharedWidget widget, Job job) {
        if (!job.status().ended()) {
            return new Source(widget, Optional.empty(), null);
        }
        String why = job.error() == null || job.error().isBlank() ? "This widget's query did not finish ("
                + job.status().name().toLowerCase(Locale.ROOT) + ")" : job.error();
        return new Source(widget, Optional.empty(), job.status() == JobStatus.FINISHED ? null : why);
    }

    private Job jobIfKept(String jobId, SightlineUser caller) {
        try {
            return runs.job(jobId, caller);
        } catch (ApiException gone) {
            return null; // expired, or its data source no longer reached: run as if new
        }
    }

    /** A user's widget with the values it runs with. */
    private record Waiting(long userId, long widgetId, Map<String, Object> values) {
    }

    /** The dashboard's auto-refresh in seconds, or -1 (any cached result, as the desktop opens a dashboard). */
    private Integer maxAge(SharedDashboard dashboard) {
        Object refresh = json.readValue(dashboard.options(), OBJECT).get("refresh");
        long seconds = refresh instanceof Number n ? n.longValue() : 0;
        return seconds > 0 ? (int) Math.min(seconds, Integer.MAX_VALUE) : -1;
    }
}
