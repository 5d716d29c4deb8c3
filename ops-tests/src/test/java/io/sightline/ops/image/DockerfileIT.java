package io.sightline.ops.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sightline.ops.chart.RenderedChart;
import io.sightline.ops.release.ServerProcess;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the image without a container engine (none on the build machines): the build context
 * the Dockerfile copies exists and is not ignored, Maven builds the server from that context alone, the jar the
 * build stage copies is the one the build makes, the image agrees with the chart, and the entrypoint runs the jar.
 */
class DockerfileIT {

    private static final Path ROOT = RenderedChart.root();

    @Test
    void everyPathTheBuildCopiesExistsInTheContextAndMavenResolvesFromItAlone() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Path context = Files.createTempDirectory("sightline-docker-context");
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) (\\S+)$").matcher(dockerfile);
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            String source = copy.group(1);
            sources.add(source);
            Path path = ROOT.resolve(source);
            assertThat(path).as("COPY " + source).exists();
            assertThat(ignoredBy(ignored, source)).as(source + " is excluded by .dockerignore").isEmpty();
            copyTree(path, context.resolve(source));
        }
        assertThat(sources).contains("pom.xml", "server/src", "common/src", "docker/entrypoint.sh");

        // the build stage's Maven command, on the copied context only: the reactor must resolve
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-o", "-pl", "server", "-am", "validate")
                .directory(context.toFile()).redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes());
        assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(mvn.exitValue()).as(output).isZero();
        assertThat(dockerfile).contains("mvn -B -ntp -q -pl server -am -DskipTests package");

        // the jar the build stage copies: exactly one file matches its glob after the build
        Matcher jar = Pattern.compile("cp (server/target/\\S+\\.jar) ").matcher(dockerfile);
        assertThat(jar.find()).isTrue();
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + jar.group(1));
        try (var files = Files.list(ROOT.resolve("server/target"))) {
            assertThat(files.map(f -> ROOT.relativize(f)).filter(glob::matches).toList())
                    .containsExactly(ROOT.relativize(ServerProcess.serverJar()));
        }
    }

    @Test
    void theImageAgreesWithTheChart() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        var pod = RenderedChart.render(List.of(), Map.of()).get(Deployment.class, "sl-sightline-api").getSpec()
                .getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        assertThat(dockerfile).contains("SIGHTLINE_PORT=" + container.getPorts().get(0).getContainerPort());
        assertThat(dockerfile).contains("USER " + pod.getSecurityContext().getRunAsUser() + ":"
                + pod.getSecurityContext().getRunAsGroup());
        for (var mount : container.getVolumeMounts()) {
            assertThat(dockerfile).as("a volume for " + mount.getMountPath()).containsPattern("VOLUME \\[.*\"" + mount.getMountPath() + "\"");
        }
        assertThat(dockerfile).contains("SIGHTLINE_DATA_DIR=/data", "ENTRYPOINT [\"/opt/sightline/entrypoint.sh\"]",
                "COPY docker/entrypoint.sh /opt/sightline/entrypoint.sh", "HEALTHCHECK");
        assertThat(Files.isExecutable(ROOT.resolve("docker/entrypoint.sh"))).isTrue();
    }

    @Test
    void theEntrypointRunsTheBuiltJar() throws Exception {
        Path work = Files.createTempDirectory("sightline-entrypoint");
        // a role the server does not have is refused before Java starts
        assertThat(ServerProcess.run("bad-role", Map.of("SIGHTLINE_ROLE", "reporting"), work, List.of(),
                java.time.Duration.ofSeconds(20))).isEqualTo(64);
        assertThat(Files.readString(work.resolve("bad-role.log"))).contains("SIGHTLINE_ROLE must be");
        // the image's HEALTHCHECK: the built jar asks liveness; nothing listens here, so unhealthy
        assertThat(ServerProcess.run("healthcheck", Map.of(), work, List.of("healthcheck"),
                java.time.Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(Files.readString(work.resolve("healthcheck.log"))).contains("/actuator/health/liveness");
    }

    private static List<String> ignoredBy(List<String> patterns, String source) {
        return patterns.stream().filter(p -> {
            String dir = p.replace("**/", "");
            return source.equals(dir.replaceAll("/$", "")) || source.startsWith(dir) || (p.startsWith("**/")
                    && source.contains("/" + dir));
        }).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target);
                }
            }
        }
    }
}
