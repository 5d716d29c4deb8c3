package io.sightline.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server distribution as an operator meets it: what the tarball holds, the systemd unit, the example
 * environment file, and the server started from the unpacked tarball with its launcher.
 */
class ServerTarballIT {

    @Test
    void theTarballHoldsTheJarAnExecutableLauncherTheUnitAndTheEnvironmentFile() throws Exception {
        String listing = Command.ok("tar", "-tzvf", Built.tarball().toString());
        String top = "sightline-server-" + Built.VERSION + "/";
        assertThat(listing).containsPattern("-rwxr-xr-x .* " + Pattern.quote(top + "bin/sightline-server") + "\n")
                .contains(top + "lib/sightline-server.jar", top + "systemd/sightline-server@.service",
                        top + "etc/sightline.env.example", top + "README.md");
        // the jar is the server's executable one, byte for byte
        Path home = TarballServer.unpack();
        Path built;
        try (var jars = Files.list(Built.ROOT.resolve("server/target"))) {
            built = jars.filter(j -> j.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow();
        }
        assertThat(home.resolve("lib/sightline-server.jar")).hasSameBinaryContentAs(built);
    }

    @Test
    void theServerStartsFromTheTarballInEmbeddedModeAndAnswersHealthAndTheApi() throws Exception {
        TarballServer server = TarballServer.shared();
        assertThat(server.get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(server.status("/ping")).isEqualTo(200);
        // the first admin's key came from the environment, as the environment file documents
        var dataSources = server.get("/api/data_sources");
        assertThat(dataSources.statusCode()).as(dataSources.body()).isEqualTo(200);
        // embedded mode: its files in SIGHTLINE_DATA_DIR, where the unit points it
        assertThat(server.dataDir.resolve("secret.key")).exists();
        // the launcher's healthcheck answers for the running server (liveness, on SIGHTLINE_PORT)
        Command check = Command.run(server.home, Map.of("SIGHTLINE_PORT", Integer.toString(server.port)),
                Duration.ofSeconds(60), server.home.resolve("bin/sightline-server").toString(), "healthcheck");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void aRoleTheServerDoesNotHaveIsRefusedBeforeJavaStarts() throws Exception {
        Path home = TarballServer.unpack();
        var builder = TarballServer.launcher(home, TarballServer.environment(home.resolveSibling("refused"), 1),
                "--role", "reporting").redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isEqualTo(64);
        assertThat(output).contains("SIGHTLINE_ROLE must be all, api, worker or scheduler, not 'reporting'");
    }

    @Test
    void theUnitIsValidRunsUnprivilegedReadsItsEnvironmentFileAndRestarts() throws Exception {
        Path home = TarballServer.unpack();
        String unit = Files.readString(home.resolve("systemd/sightline-server@.service"));
        assertThat(unit).contains("User=sightline", "Group=sightline", "EnvironmentFile=/etc/sightline/sightline.env",
                "Environment=SIGHTLINE_ROLE=%i", "Restart=on-failure", "ExecStart=/opt/sightline/bin/sightline-server",
                "Environment=SIGHTLINE_DATA_DIR=/var/lib/sightline", "StateDirectory=sightline",
                "WantedBy=multi-user.target");
        assertThat(unit).doesNotContainPattern("(?m)^User=root");
        // systemd's own check, on a copy whose ExecStart is the unpacked launcher: no warning, no error
        Path copy = home.resolveSibling("unit-check").resolve("sightline-server@.service");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, unit.replace("/opt/sightline/bin/", home.resolve("bin") + "/"));
        Command verify = Command.run(null, Map.of(), Duration.ofSeconds(60), "systemd-analyze", "verify",
                copy.resolveSibling("sightline-server@worker.service").toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).isBlank();
    }

    @Test
    void theExampleEnvironmentFileNamesEveryVariableTheServerReads() throws Exception {
        Path home = TarballServer.unpack();
        String example = Files.readString(home.resolve("etc/sightline.env.example"));
        String config = Files.readString(Built.ROOT.resolve("server/src/main/resources/application.yml"));
        Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(config);
        var read = new TreeSet<String>();
        while (variable.find()) {
            read.add(variable.group(1));
        }
        assertThat(read).contains("SIGHTLINE_DATABASE_URL", "REDASH_DATABASE_URL", "REDASH_COOKIE_SECRET");
        List<String> missing = new ArrayList<>();
        for (String name : read) {
            if (!Pattern.compile("(?m)^#?" + name + "=").matcher(example).find()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("variables application.yml reads that the example does not document").isEmpty();
        // systemd's format: every non-comment line is NAME=value
        assertThat(example.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))).allMatch(l -> l.matches("[A-Z_]+=.*"));
    }
}
