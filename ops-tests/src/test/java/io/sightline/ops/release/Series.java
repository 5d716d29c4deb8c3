package io.sightline.ops.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One series of a server's /actuator/prometheus output, with the instance and job labels a scrape adds. */
record Series(String name, Map<String, String> labels) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Series> parse(String exposition, String role, int port) {
        List<Series> series = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            labels.put("instance", "sightline-" + role + ":" + port);
            labels.put("job", "sightline");
            series.add(new Series(m.group(1), labels));
        }
        return series;
    }

    Series with(String label, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(label, value);
        return new Series(name, copy);
    }

    String label(String label) {
        return labels.get(label);
    }

    /** promtool's series notation */
    String selector() {
        return name + labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
