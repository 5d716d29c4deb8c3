package io.sightline.ops.chart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart rendered by the real Helm (helm-java bundles it; no network), every manifest parsed into the
 * Kubernetes object model. Parsing is strict: fabric8 keeps unknown fields in "additional properties" instead
 * of failing, so any object that has one is reported as a misspelt field.
 */
public final class RenderedChart {

    public static final String RELEASE = "sl";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<HasMetadata> objects;
    private final String yaml;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    public static Path chartDir() {
        return root().resolve("helm/sightline");
    }

    public static Path root() {
        return Path.of(System.getProperty("sightline.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * {@code helm template} with the given values files (relative to the chart) and --set pairs. helm-java's
     * template prints the release manifest only, without hooks: the chart is rendered from a copy in which the
     * hook annotation is renamed {@value #HOOK}, so the hooks (migration Job, its Secret and ConfigMap) are
     * rendered and checked like the rest.
     */
    public static RenderedChart render(List<String> valuesFiles, Map<String, Object> sets) {
        Path chart = hooksAsManifests();
        var template = new Helm(chart).template().withName(RELEASE).withNamespace("analytics")
                .withKubeVersion("1.30.0");
        for (String file : valuesFiles) {
            template = template.withValuesFile(chart.resolve(file));
        }
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return parse(template.call());
    }

    /** The annotation that stands for helm.sh/hook in rendered charts. */
    public static final String HOOK = "sightline.test/hook";

    private static synchronized Path hooksAsManifests() {
        try {
            Path copy = Files.createTempDirectory("sightline-chart").resolve("sightline");
            try (var files = Files.walk(chartDir())) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(chartDir().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(source).replace("helm.sh/hook:", HOOK + ":"));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RenderedChart parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            objects.add(strict(document));
        }
        return new RenderedChart(yaml, objects);
    }

    /** One manifest, parsed into its typed class; fails on an unknown kind or any unknown field. */
    public static HasMetadata strict(String document) {
        KubernetesResource resource;
        try {
            resource = YAML.readValue(document, KubernetesResource.class);
        } catch (Exception e) {
            throw new AssertionError("Not a valid Kubernetes object:\n" + document, e);
        }
        if (resource instanceof GenericKubernetesResource generic) {
            throw new AssertionError("Unknown kind " + generic.getApiVersion() + "/" + generic.getKind());
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, "", unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("Unknown fields " + unknown + " in:\n" + document);
        }
        return (HasMetadata) resource;
    }

    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ":" + extra.keySet());
                }
            } else {
                unknownFields(child, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    public String yaml() {
        return yaml;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + name
                + " among " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }
}
