package io.sightline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sightline bench viewers} (issue 13): 200 virtual viewers loading a shared 10-widget dashboard whose
 * results are stored, against the same server serving static files of the same sizes (the ceiling), in turns within
 * one run; then the demo Executive scorecard opened in headless Chromium. The server is the packaged jar as a child
 * process (embedded mode: H2 metadata, in-process queue, demo data), with the share links' rate limit off
 * ({@code SIGHTLINE_PUBLIC_RATE_LIMIT=0}): the default 50 requests a second per link would answer most of 200
 * viewers with 429, and this measures the server's own capacity.
 */
final class ViewersBench {

    /**
     * {@code --seconds=60 --viewers=200 --rounds=4 --paint-runs=11 --pause-ms=0}: seconds per target (split into
     * rounds, the targets taking turns), and each viewer's pause after a page view (0: none, as wrk).
     */
    record Options(int seconds, int viewers, int rounds, int paintRuns, int pauseMs) {

        static final Options DEFAULT = new Options(60, 200, 4, 11, 0);

        static Options parse(List<String> flags) {
            Map<String, Integer> values = new HashMap<>(Map.of("seconds", DEFAULT.seconds, "viewers", DEFAULT.viewers,
                    "rounds", DEFAULT.rounds, "paint-runs", DEFAULT.paintRuns, "pause-ms", DEFAULT.pauseMs));
            for (String flag : flags) {
                String[] pair = flag.replaceFirst("^--", "").split("=", 2);
                int least = pair[0].equals("pause-ms") ? 0 : 1;
                if (!flag.startsWith("--") || pair.length != 2 || !values.containsKey(pair[0])
                        || !pair[1].matches("\\d{1,7}") || Integer.parseInt(pair[1]) < least) {
                    throw new IllegalArgumentException("Unknown or invalid flag " + flag + "; the flags are --seconds=N,"
                            + " --viewers=N, --rounds=N, --paint-runs=N (each at least 1) and --pause-ms=N");
                }
                values.put(pair[0], Integer.parseInt(pair[1]));
            }
            return new Options(values.get("seconds"), values.get("viewers"), values.get("rounds"),
                    values.get("paint-runs"), values.get("pause-ms"));
        }
    }

    /** Before the measured rounds, a short turn at each target: connections opened, the server's code compiled. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private ViewersBench() {
    }

    static String run(Options options) throws Exception {
        Path staticDir = Files.createTempDirectory("sightline-bench-static-");
        Map<String, String> env = new HashMap<>();
        env.put("SIGHTLINE_ADMIN_API_KEY", BenchMain.KEY);
        env.put("SIGHTLINE_DEMO_DATA", "always");
        env.put("SIGHTLINE_PUBLIC_RATE_LIMIT", "0"); // see the class comment
        env.put("LOGGING_LEVEL_ROOT", "warn"); // as the other benches: no per-request log lines in the figures
        // the ceiling's files, from a directory of this run, under a path the security rules already let through
        env.put("SPRING_MVC_STATIC_PATH_PATTERN", SharedDashboardFixture.STATIC_PATH + "**");
        env.put("SPRING_WEB_RESOURCES_STATIC_LOCATIONS", staticDir.toUri().toString());
        progress("starting the server");
        try (ServerProcess server = ServerProcess.start("viewers", env)) {
            server.awaitHealthy();
            var fixture = new SharedDashboardFixture(server.port());
            progress("making, sharing and warming the dashboards");
            var scorecard = fixture.scorecard();
            var tenWidgets = fixture.tenWidgets();
            ViewerLoad.Target ceiling = fixture.warmAndCopy(tenWidgets, staticDir);
            fixture.warmAndCopy(scorecard, Files.createTempDirectory("sightline-bench-scorecard-"));
            var report = new ViewersReport(options, tenWidgets.api(), ceiling, staticDir);
            try (var load = new ViewerLoad(server.port(), options.viewers(),
                    Duration.ofMillis(options.pauseMs()))) {
                load.run(tenWidgets.api(), WARM_UP);
                load.run(ceiling, WARM_UP);
                Duration round = Duration.ofMillis(options.seconds() * 1000L / options.rounds());
                for (int r = 1; r <= options.rounds(); r++) {
                    for (ViewerLoad.Target target : List.of(tenWidgets.api(), ceiling)) {
                        progress("round " + r + "/" + options.rounds() + ": " + options.viewers() + " viewers, "
                                + target.name());
                        MachineCpu before = MachineCpu.sample(server);
                        ViewerLoad.Round measured = load.run(target, round);
                        report.add(target, measured, MachineCpu.sample(server).since(before));
                    }
                }
            }
            progress("opening the shared pages in headless Chromium");
            try (var browser = new FirstPaint()) {
                report.paint("demo Executive scorecard", browser.open(scorecard.pageUrl(), options.paintRuns()));
                report.paint(SharedDashboardFixture.NAME, browser.open(tenWidgets.pageUrl(), options.paintRuns()));
            }
            return report.markdown();
        }
    }

    private static void progress(String step) {
        System.err.println("bench viewers: " + step + " (load average " + ProductionWorkloads.loadAverage() + ")");
    }

    static List<String> flagsOf(String[] args, int from) {
        return new ArrayList<>(List.of(args).subList(from, args.length));
    }
}
