package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.common.visualization.BoxPlotOptions;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ChartShaper;
import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.CohortOptions;
import io.sightline.common.visualization.CounterOptions;
import io.sightline.common.visualization.CounterValue;
import io.sightline.common.visualization.FunnelOptions;
import io.sightline.common.visualization.MapOptions;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.common.visualization.PivotOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.SeriesColors;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.TableOptions;
import io.sightline.common.visualization.wordcloud.WordCloudOptions;
import io.sightline.server.execution.QueryRuns;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.StoredResult;
import io.sightline.server.settings.OrganizationSettings;
import io.sightline.server.share.ShareRepository.SharedDashboard;
import io.sightline.server.share.ShareRepository.SharedWidget;
import io.sightline.server.share.Shares.Opened;
import io.sightline.server.system.ApiException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A widget's data for the public page: the query's stored latest result, shaped on the server with the same
 * option model the desktop draws from (counter value, chart series, map fills and markers, pivot cells, table and
 * details cells, funnel steps, cohort cells), so the browser only draws. A result older
 * than the dashboard's refresh interval starts one refresh of the query (identical runs in flight are joined, so
 * any number of viewers cause one run) and is served meanwhile; with no result yet the answer says "running".
 */
@Component
class PublicWidgetResults {

    static final int MAX_ROWS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(PublicWidgetResults.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    static final String FAILED = "This widget's query failed when it last ran; ask the dashboard's owner to look at it";
    static final Duration RETRY_FAILED = Duration.ofMinutes(1);
    private static final Duration RECORDING = Duration.ofSeconds(10);

    private final Map<Long, Attempt> attempts = new ConcurrentHashMap<>();
    /** Viewers of one query decide one at a time whether to start its refresh (striped: no lock per query kept). */
    private final Object[] refreshLocks = java.util.stream.Stream.generate(Object::new).limit(64).toArray();
    /** The last run started per query and values, kept as long as anyone might still poll for it. */
    private final Cache<String, Attempt> valueRuns = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();
    /**
     * Headers of complete results by id: a complete result never changes (retention only deletes one no share
     * shows), so each widget request need not read its header again.
     */
    private final Cache<Long, StoredResult> headers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    /**
     * A done answer's JSON, by what it is made of: the same widget, visualization and result always give the same
     * bytes, so the shaping (chart series, map fills, pivot cells) and the writing happen once, not per viewer.
     */
    private final Cache<AnswerKey, byte[]> answers = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
            .<AnswerKey, byte[]>weigher((key, bytes) -> bytes.length).expireAfterAccess(Duration.ofMinutes(10))
            .build();
    /**
     * The stored result that answered a query and values, for {@link Shares#OPENED_FOR}: within one page view the
     * query is not loaded, bound and hashed again per widget request; an edit of it shows as quickly as one of the
     * dashboard does.
     */
    private final Cache<String, Long> valueResults = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Shares.OPENED_FOR).build();
    /** A dashboard's refresh interval by its options' text, which every widget request would parse again. */
    private final Cache<String, Optional<Duration>> refreshIntervals = Caffeine.newBuilder().maximumSize(1_000).build();
    private final ResultStore results;
    private final QueryRuns runs;
    private final JsonMapper json;
    private final SharedParameterValues parameterValues;
    private final PublicMapAnswers maps;
    private final OrganizationSettings settings;

    PublicWidgetResults(ResultStore results, QueryRuns runs, JsonMapper json, SharedParameterValues parameterValues,
                        PublicMapAnswers maps, OrganizationSettings settings) {
        this.settings = settings;
        this.results = results;
        this.runs = runs;
        this.json = json;
        this.parameterValues = parameterValues;
        this.maps = maps;
    }

    /**
     * What the answer is about: the widget, the stored result it comes from (none yet: empty) and, with no result,
     * why the last run of its query failed (null while it runs).
     */
    record Source(SharedWidget widget, Optional<StoredResult> result, String failure) {

        /** Changes when the result, the visualization or the widget does. */
        String etag() {
            return "\"w" + widget.id() + "-r" + result.map(r -> Long.toString(r.id())).orElse("none") + "-v"
                    + (widget.vizUpdatedAt() == null ? 0 : widget.vizUpdatedAt().toInstant().toEpochMilli()) + "-u"
                    + widget.updatedAt().toInstant().toEpochMilli() + "\"";
        }
    }

    /**
     * @param url the page's address parameters: {@code p_…} values change what parameterized widgets run with
     * @throws ApiException 404 when the widget is not on the link's dashboard or shows no query; 400 when a page
     *         value is not valid for the parameter it goes to
     */
    Source source(Opened opened, long widgetId, Map<String, String> url) {
        SharedWidget widget = opened.widget(widgetId).filter(w -> w.queryId() != null)
                .orElseThrow(() -> ApiException.notFound("Widget " + widgetId + " is not a chart of this dashboard"));
        Map<String, Object> values = parameterValues.of(opened, widgetId, url);
        Duration maxAge = refreshInterval(opened.dashboard());
        if (!values.isEmpty()) {
            return withValues(widget, values, maxAge, opened.share().createdBy());
        }
        Optional<StoredResult> result = widget.latestResultId() == null ? Optional.empty()
                : result(widget.latestResultId());
        boolean stale = result.isEmpty() || (maxAge != null
                && result.get().retrievedAt().plus(maxAge).isBefore(Shares.now()));
        String failure = stale ? refresh(widget.queryId(), opened.share().createdBy()) : null;
        return new Source(widget, result, result.isPresent() ? null : failure);
    }

    /**
     * A widget whose query has parameters shows the result of its own values, never the query's latest (which
     * may be of any values someone ran): a stored result of that SQL within the dashboard's refresh interval, or
     * else one run, joined by every viewer asking for the same values.
     */
    private Source withValues(SharedWidget widget, Map<String, Object> values, Duration maxAge, long sharedBy) {
        String key = widget.queryId() + " " + values;
        Long known = valueResults.getIfPresent(key);
        if (known != null) {
            Optional<StoredResult> result = result(known);
            if (result.isPresent() && (maxAge == null
                    || result.get().retrievedAt().plus(maxAge).isAfter(Shares.now()))) {
                return new Source(widget, result, null);
            }
        }
        Attempt last = valueRuns.getIfPresent(key);
        if (last != null) {
            Job job = jobIfKept(last.jobId());
            if (job != null && !job.status().ended()) {
                return new Source(widget, Optional.empty(), null);
            }
            if (job != null && job.status() != JobStatus.FINISHED
                    && last.at().plus(RETRY_FAILED).isAfter(Instant.now())) {
                return new Source(widget, Optional.empty(), FAILED);
            }
        }
        QueryRuns.SharedRun run;
        try {
            run = runs.runForShare(widget.queryId(), sharedBy, values, maxAge);
        } catch (QueryRuns.BadSharedValue e) {
            throw e; // the page's value: its viewer can change it
        } catch (ApiException e) {
            LOG.info("Shared dashboard's query {} not run: {}", widget.queryId(), e.getMessage());
            return new Source(widget, Optional.empty(), "This widget's query cannot run now: " + e.getMessage());
        }
        if (run.cachedResultId() != null) {
            Optional<StoredResult> result = result(run.cachedResultId());
            if (result.isPresent()) {
                valueResults.put(key, run.cachedResultId());
                return new Source(widget, result, null);
            }
        }
        if (run.jobId() != null) {
            valueRuns.put(key, new Attempt(run.jobId(), Instant.now()));
        }
        return new Source(widget, Optional.empty(), null);
    }

    private Optional<StoredResult> result(long id) {
        StoredResult kept = headers.getIfPresent(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<StoredResult> found = results.find(id); // only complete results are found
        found.ifPresent(header -> headers.put(id, header));
        return found;
    }

    private Job jobIfKept(String jobId) {
        try {
            return runs.job(jobId);
        } catch (ApiException gone) {
            return null; // expired
        }
    }

    /** The answer to a source that has a result, as JSON. */
    byte[] json(Source source) {
        SharedWidget widget = source.widget();
        OrganizationFormats formats = settings.formats();
        AnswerKey key = new AnswerKey(source.etag(), widget.vizType(), widget.vizOptions(), formats);
        return answers.get(key, k -> json.writeValueAsBytes(body(source, formats)));
    }

    /** The source's tag, changed too when the organization's formats (which shape the answer) change. */
    String etag(Source source) {
        String tag = source.etag();
        return tag.substring(0, tag.length() - 1) + "-f" + Integer.toHexString(settings.formats().hashCode()) + "\"";
    }

    private record AnswerKey(String etag, String vizType, String vizOptions, OrganizationFormats formats) {
    }

    Map<String, Object> body(Source source) {
        return body(source, settings.formats());
    }

    private Map<String, Object> body(Source source, OrganizationFormats formats) {
        SharedWidget widget = source.widget();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("widget_id", widget.id());
        out.put("query_id", widget.queryId());
        if (source.result().isEmpty()) {
            out.put("status", source.failure() == null ? "running" : "failed");
            if (source.failure() != null) {
                out.put("error", source.failure());
            }
            return out;
        }
        StoredResult result = source.result().get();
        out.put("status", "done");
        out.put("retrieved_at", result.retrievedAt());
        List<ResultColumn> columns = result.columns().stream()
                .map(c -> new ResultColumn(c.name(), c.type() == null ? "string" : c.type().wireName())).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : results.rows(result, 0, MAX_ROWS)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size() && i < row.length; i++) {
                map.put(columns.get(i).name(), plain(row[i]));
            }
            rows.add(map);
        }
        out.put("columns", columns.stream().map(c -> Map.of("name", c.name(), "type", c.type())).toList());
        out.put("rows", rows);
        out.put("row_count", result.rowCount());
        try {
            shape(widget, new ResultData(columns, rows), formats, out);
        } catch (RuntimeException e) {
            LOG.warn("Widget {} could not be drawn from result {}", widget.id(), result.id(), e);
            out.put("error", "This visualization cannot be drawn from its query's result: " + e.getMessage());
        }
        return out;
    }

    private void shape(SharedWidget widget, ResultData data, OrganizationFormats formats, Map<String, Object> out) {
        Map<String, Object> options = json.readValue(widget.vizOptions(), OBJECT);
        switch (widget.vizType().toUpperCase(Locale.ROOT)) {
            case "COUNTER" -> {
                CounterValue value = CounterValue.of(data.rows(), new CounterOptions(options));
                Map<String, Object> counter = new HashMap<>();
                counter.put("value", value.value());
                counter.put("text", value.text());
                counter.put("target", value.target());
                counter.put("target_text", value.targetText());
                counter.put("trend", value.trend().name().toLowerCase(Locale.ROOT));
                out.put("counter", counter);
            }
            case "CHART" -> out.put("chart", chart(data, new ChartOptions(options, formats)));
            case "BOXPLOT" -> out.put("chart", PublicChartExtras.legacyBoxPlot(data, new BoxPlotOptions(options)));
            case "CHOROPLETH" -> out.put("map", maps.choropleth(new ChoroplethOptions(options), data));
            case "MAP" -> out.put("map", maps.markers(new MapOptions(options), data));
            case "PIVOT" -> out.put("pivot", PublicPivotAnswer.of(new PivotOptions(options), data));
            case "TABLE" -> out.put("table", PublicTableAnswer.of(new TableOptions(options, formats), data));
            case "DETAILS" -> out.put("details", PublicTableAnswer.of(new TableOptions(options, formats), data));
            case "FUNNEL" -> out.put("funnel", PublicFunnelAnswer.of(new FunnelOptions(options), data));
            case "COHORT" -> out.put("cohort", PublicCohortAnswer.of(new CohortOptions(options), data));
            case "SANKEY" -> out.put("sankey", PublicFlowAnswers.sankey(data));
            case "SUNBURST_SEQUENCE" -> out.put("sunburst", PublicFlowAnswers.sunburst(data));
            case "WORD_CLOUD" -> out.put("word_cloud", PublicFlowAnswers.wordCloud(new WordCloudOptions(options), data));
            default -> {
                // the types the page does not draw yet get the rows (above)
            }
        }
    }

    private static Map<String, Object> chart(ResultData data, ChartOptions options) {
        ShapedChart shaped = ChartShaper.shape(data, options);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("y_axes", PublicChartExtras.axes(options, shaped));
        switch (options.globalSeriesType()) {
            case BOX -> chart.put("box", PublicChartExtras.box(shaped));
            case HEATMAP -> chart.put("heatmap", PublicChartExtras.heatmap(data, options));
            default -> {
                // plain series only
            }
        }
        chart.put("x_kind", shaped.xKind().name().toLowerCase(Locale.ROOT));
        chart.put("stacked", options.stacked());
        chart.put("percent", options.percentValues());
        chart.put("legend", options.legendEnabled());
        chart.put("swapped", options.swappedAxes());
        if (options.globalSeriesType() == ChartOptions.SeriesType.BUBBLE) {
            // Redash's plotly: a bubble's diameter is its size times the coefficient (sizemode "area": the area)
            chart.put("bubble", Map.of("coefficient", options.number("coefficient", 1),
                    "sizemode", String.valueOf(options.string("sizemode"))));
        }
        chart.put("notes", shaped.notes());
        List<Map<String, Object>> series = new ArrayList<>();
        // the colours the desktop draws: a series' own, else Redash's palette by its place (a pie's: per slice)
        List<String> colors = SeriesColors.of(options, shaped.series().stream().map(ChartSeries::name).toList());
        for (ChartSeries s : shaped.series()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("color", colors.get(series.size()));
            if (options.globalSeriesType() == ChartOptions.SeriesType.PIE) {
                one.put("colors", SeriesColors.ofSlices(options, s.points().stream()
                        .map(p -> String.valueOf(x(p.x()))).toList()));
            }
            one.put("type", s.type().name().toLowerCase(Locale.ROOT));
            one.put("y_axis", s.yAxis());
            one.put("comparison", s.comparison());
            List<Object[]> points = new ArrayList<>();
            for (ChartPoint p : s.points()) {
                Double y = p.y() == null ? null : options.stacked() ? p.y() - p.base() : p.y();
                points.add(p.size() == null ? new Object[] {x(p.x()), y} : new Object[] {x(p.x()), y, p.size()});
            }
            one.put("points", points);
            series.add(one);
        }
        chart.put("series", series);
        return chart;
    }

    private static Object x(Object x) {
        if (x instanceof LocalDateTime t) {
            return t.toString();
        }
        return x instanceof Number || x == null ? x : String.valueOf(x);
    }

    private static Object plain(Object cell) {
        if (cell instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return cell;
    }

    /** The dashboard's auto-refresh ({@code options.refresh}, seconds), or null when it has none. */
    private Duration refreshInterval(SharedDashboard dashboard) {
        return refreshIntervals.get(dashboard.options(), options -> {
            Object refresh = json.readValue(options, OBJECT).get("refresh");
            double seconds = refresh instanceof Number n ? n.doubleValue() : 0;
            return seconds > 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
        }).orElse(null);
    }

    /**
     * Starts one refresh of the query unless one this server started is still running, or failed less than
     * {@link #RETRY_FAILED} ago (viewers polling a broken query do not run it again and again).
     *
     * @return why the query's last run failed, or null
     */
    private String refresh(long queryId, long sharedBy) {
        synchronized (refreshLocks[(int) Math.floorMod(queryId, (long) refreshLocks.length)]) {
            return refreshAlone(queryId, sharedBy);
        }
    }

    /** {@link #refresh}, with no other viewer of the same query deciding at the same time. */
    private String refreshAlone(long queryId, long sharedBy) {
        Attempt last = attempts.get(queryId);
        if (last != null) {
            Job job = null;
            try {
                job = runs.job(last.jobId());
            } catch (ApiException gone) {
                // expired: start another
            }
            if (job != null && !job.status().ended()) {
                return null;
            }
            if (job != null && job.status() == JobStatus.FINISHED
                    && last.at().plus(RECORDING).isAfter(Instant.now())) {
                return null; // its result is being recorded as the query's latest: no second run meanwhile
            }
            if (job != null && job.status() != JobStatus.FINISHED
                    && last.at().plus(RETRY_FAILED).isAfter(Instant.now())) {
                return FAILED;
            }
        }
        try {
            String jobId = runs.refresh(queryId, sharedBy, UUID.randomUUID().toString());
            attempts.put(queryId, new Attempt(jobId, Instant.now()));
            return null;
        } catch (ApiException e) {
            LOG.info("Shared dashboard's query {} not refreshed: {}", queryId, e.getMessage());
            return "This widget's query cannot run now: " + e.getMessage();
        }
    }

    /** The last refresh this server started for a query. */
    private record Attempt(String jobId, Instant at) {
    }
}
