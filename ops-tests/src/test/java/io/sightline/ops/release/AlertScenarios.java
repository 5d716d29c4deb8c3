package io.sightline.ops.release;

import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * promtool unit tests of the chart's alerts, written on the series the running servers export (their names and
 * label sets, taken from the scrape): for each alert a situation in which it must fire, and one healthy
 * installation in which none may. Values are made up (a test cannot wait hours for a real backlog); the label
 * sets are not. Where a series only appears once its first event happened (a failed job, a cache miss), its
 * label set is the scraped sibling's with that one label changed, as the metric's documentation lists it.
 */
final class AlertScenarios {

    private static final String EVAL = "20m";
    private static final int SAMPLES = 30;

    private final Map<String, List<Series>> scraped;

    private AlertScenarios(Map<String, List<Series>> scraped) {
        this.scraped = scraped;
    }

    static Map<String, Object> tests(String rulesFile, List<Rule> rules, Map<String, List<Series>> scraped) {
        AlertScenarios s = new AlertScenarios(scraped);
        Map<String, Rule> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.getAlert(), r));
        List<Object> tests = new ArrayList<>();

        Series depth = s.one("sightline_queue_depth", x -> "adhoc".equals(x.label("queue")));
        Series oldest = s.one("sightline_queue_oldest_job_age_seconds", x -> "adhoc".equals(x.label("queue")));
        List<Series> threads = s.all("sightline_worker_threads", x -> "adhoc".equals(x.label("queue")));
        Series hit = s.counter("sightline_cache_requests_total", "result", "hit", "miss");
        Series miss = hit.with("result", "miss");
        Series finished = s.counter("sightline_jobs_total", "outcome", "finished", "failed");
        Series failed = finished.with("outcome", "failed");
        Series ticks = s.one("sightline_scheduler_ticks_total", x -> "ok".equals(x.label("outcome")));
        List<Series> metadataUp = s.all("sightline_metadata_store_up", x -> true);
        List<Series> redisUp = s.all("sightline_redis_up", x -> true);
        List<Series> buckets = s.histogram("sightline_query_duration_seconds_bucket");

        // healthy: fast queries, no backlog, hits, no failures, schedulers ticking, every store reachable
        Map<String, String> healthy = new LinkedHashMap<>();
        buckets.forEach(b -> healthy.put(b.selector(), grow(10)));
        healthy.put(depth.selector(), flat(1));
        healthy.put(oldest.selector(), flat(2));
        threads.forEach(t -> healthy.put(t.selector(), flat(2)));
        healthy.put(hit.selector(), grow(10));
        healthy.put(miss.selector(), grow(1));
        healthy.put(finished.selector(), grow(10));
        healthy.put(failed.selector(), flat(0));
        healthy.put(ticks.selector(), grow(60));
        metadataUp.forEach(m -> healthy.put(m.selector(), flat(1)));
        redisUp.forEach(m -> healthy.put(m.selector(), flat(1)));
        List<Object> none = new ArrayList<>();
        byName.keySet().forEach(alert -> none.add(Map.of("eval_time", EVAL, "alertname", alert, "exp_alerts", List.of())));
        tests.add(test("healthy installation: no alert", healthy, none));

        // p95 over 5 s: every query lands above 5 s
        Map<String, String> slow = new LinkedHashMap<>();
        buckets.forEach(b -> slow.put(b.selector(), le(b) > 5 ? grow(10) : flat(0)));
        tests.add(fires("slow queries", slow, byName.get("SightlineQueryLatencyHigh"), Map.of()));

        Map<String, String> backlog = new LinkedHashMap<>();
        backlog.put(depth.selector(), flat(100));
        threads.forEach(t -> backlog.put(t.selector(), flat(2)));
        tests.add(fires("backlog beyond worker threads x 2", backlog, byName.get("SightlineQueueBacklog"),
                Map.of("queue", "adhoc")));

        tests.add(fires("half the lookups miss", Map.of(hit.selector(), grow(5), miss.selector(), grow(5)),
                byName.get("SightlineCacheMissRatioHigh"), Map.of()));
        tests.add(fires("half the jobs fail", Map.of(finished.selector(), grow(5), failed.selector(), grow(5)),
                byName.get("SightlineJobFailureRateHigh"), Map.of()));
        tests.add(fires("a job waits 15 minutes", Map.of(oldest.selector(), flat(900)),
                byName.get("SightlineOldestQueuedJobOld"), Map.of("queue", "adhoc")));

        Map<String, String> noWorker = new LinkedHashMap<>();
        threads.forEach(t -> noWorker.put(t.selector(), flat(0)));
        tests.add(fires("every worker gone", noWorker, byName.get("SightlineNoWorkerAlive"), Map.of()));
        tests.add(fires("schedulers stuck", Map.of(ticks.selector(), flat(50)),
                byName.get("SightlineSchedulerNotTicking"), Map.of()));

        tests.add(fires("api loses PostgreSQL", down(metadataUp), byName.get("SightlineMetadataStoreDown"),
                metadataUp.get(0).labels()));
        tests.add(fires("api loses Redis", down(redisUp), byName.get("SightlineRedisDown"), redisUp.get(0).labels()));

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of(rulesFile));
        file.put("evaluation_interval", "1m");
        file.put("tests", tests);
        return file;
    }

    /** the first series down, the others up */
    private static Map<String, String> down(List<Series> up) {
        Map<String, String> input = new LinkedHashMap<>();
        for (int i = 0; i < up.size(); i++) {
            input.put(up.get(i).selector(), flat(i == 0 ? 0 : 1));
        }
        return input;
    }

    private static Map<String, Object> fires(String name, Map<String, String> input, Rule rule, Map<String, String> labels) {
        Map<String, String> expLabels = new LinkedHashMap<>(labels);
        expLabels.putAll(rule.getLabels());
        Map<String, String> annotations = new LinkedHashMap<>();
        rule.getAnnotations().forEach((k, v) -> {
            String text = v;
            for (var label : expLabels.entrySet()) {
                text = text.replace("{{ $labels." + label.getKey() + " }}", label.getValue());
            }
            annotations.put(k, text);
        });
        Map<String, Object> expected = Map.of("exp_labels", expLabels, "exp_annotations", annotations);
        return test(name + ": " + rule.getAlert() + " fires", input,
                List.of(Map.of("eval_time", EVAL, "alertname", rule.getAlert(), "exp_alerts", List.of(expected))));
    }

    private static Map<String, Object> test(String name, Map<String, String> input, List<Object> alerts) {
        List<Object> series = new ArrayList<>();
        input.forEach((selector, values) -> series.add(Map.of("series", selector, "values", values)));
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", name);
        test.put("interval", "1m");
        test.put("input_series", series);
        test.put("alert_rule_test", alerts);
        return test;
    }

    private static String flat(double value) {
        return value + "x" + SAMPLES;
    }

    private static String grow(double perMinute) {
        return "0+" + perMinute + "x" + SAMPLES;
    }

    private static double le(Series bucket) {
        String le = bucket.label("le");
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private List<Series> all(String name, Predicate<Series> filter) {
        List<Series> found = scraped.getOrDefault(name, List.of()).stream().filter(filter).toList();
        if (found.isEmpty()) {
            throw new AssertionError("The servers export no " + name + " series of the kind the alert reads; they have: "
                    + scraped.getOrDefault(name, List.of()));
        }
        return found;
    }

    private Series one(String name, Predicate<Series> filter) {
        return all(name, filter).get(0);
    }

    /** a counter's series with label = wanted, or its sibling's (label = other) label set with wanted */
    private Series counter(String name, String label, String wanted, String other) {
        Optional<Series> series = scraped.getOrDefault(name, List.of()).stream()
                .filter(x -> wanted.equals(x.label(label))).findFirst();
        return series.orElseGet(() -> one(name, x -> other.equals(x.label(label))).with(label, wanted));
    }

    /** the buckets of one label set of a histogram (the first one scraped) */
    private List<Series> histogram(String name) {
        Series first = one(name, x -> true);
        Map<String, String> key = new LinkedHashMap<>(first.labels());
        key.remove("le");
        List<Series> buckets = all(name, x -> {
            Map<String, String> k = new LinkedHashMap<>(x.labels());
            k.remove("le");
            return k.equals(key);
        });
        if (buckets.stream().noneMatch(b -> le(b) > 5 && le(b) < Double.POSITIVE_INFINITY)) {
            throw new AssertionError("No finite bucket above 5 s in " + name + ": the p95 alert could never fire");
        }
        return buckets;
    }
}
