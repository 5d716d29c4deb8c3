package io.sightline.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbench's .deb as a user meets it: the package's name and dependencies, the launcher, menu entry and icon
 * it installs, and the packaged launcher (its own Java runtime) opening the workbench on a server, in a virtual
 * display. The screenshot stays in target/installer-it/workbench/.
 */
class WorkbenchDebIT {

    private static final String APP = "/opt/sightline-workbench";
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        // what dpkg -i would put on the disk, without root: the package's files in a scratch root
        root = Built.scratch("workbench").resolve("root");
        Command.ok("dpkg-deb", "-x", Built.deb().toString(), root.toString());
    }

    @Test
    void thePackageIsNamedVersionedAndDependsOnGtk() throws Exception {
        String deb = Built.deb().toString();
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Package").strip()).isEqualTo("sightline-workbench");
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Version").strip())
                .isEqualTo(Built.VERSION.replace("-SNAPSHOT", "") + "-1");
        // JavaFX draws its windows through GTK 3: apt installs it with the package
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Depends").split(",\\s*")).extracting(String::strip)
                .contains("libgtk-3-0", "xdg-utils");
        assertThat(Command.ok("dpkg-deb", "--info", deb)).contains("Description: Sightline analyst workbench");
    }

    @Test
    void thePackageHoldsTheLauncherTheMenuEntryAndTheIcon() throws Exception {
        String contents = Command.ok("dpkg-deb", "--contents", Built.deb().toString());
        assertThat(contents).containsPattern("-rwxr-xr-x .* \\." + APP + "/bin/sightline-workbench\n")
                .contains("." + APP + "/lib/sightline-workbench-sightline-workbench.desktop",
                        "." + APP + "/lib/sightline-workbench.png", "." + APP + "/lib/runtime/lib/libjava.so");
        // the menu entry is registered on install (and removed on purge) by the package's scripts
        Path control = root.resolveSibling("control");
        Command.ok("dpkg-deb", "--control", Built.deb().toString(), control.toString());
        assertThat(Files.readString(control.resolve("postinst"))).contains("xdg-desktop-menu install",
                "sightline-workbench-sightline-workbench.desktop");
    }

    @Test
    void theMenuEntryNamesTheWorkbenchStartsTheLauncherAndShowsTheIcon() throws Exception {
        String entry = Files.readString(root.resolve(APP.substring(1) + "/lib/sightline-workbench-sightline-workbench.desktop"));
        assertThat(entry).contains("Name=Sightline Workbench", "Type=Application", "Terminal=false",
                "Exec=" + APP + "/bin/sightline-workbench\n", "Icon=" + APP + "/lib/sightline-workbench.png")
                .containsPattern("(?m)^Categories=Office;Database;");
        assertThat(root.resolve(APP.substring(1) + "/bin/sightline-workbench")).isExecutable();
        BufferedImage icon = ImageIO.read(root.resolve(APP.substring(1) + "/lib/sightline-workbench.png").toFile());
        assertThat(icon.getWidth()).isEqualTo(256);
        assertThat(icon.getHeight()).isEqualTo(256);
        assertThat(colours(icon)).as("a drawn icon, not a blank square").isGreaterThan(2);
    }

    @Test
    void thePackagedRuntimeHoldsEveryJdkModuleTheWorkbenchsLibrariesRequire() throws Exception {
        // the runtime is jlinked from a hand-kept list (src/jpackage/app.args): a library whose module needs one
        // more (the keyring's D-Bus needs jdk.net and jdk.security.auth) would fail only in the package
        Path app = root.resolve(APP.substring(1) + "/lib");
        String release = Files.readString(app.resolve("runtime/release"));
        Matcher modules = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(modules.find()).as(release).isTrue();
        Set<String> runtime = Set.of(modules.group(1).split(" "));
        Map<String, Set<String>> missing = new TreeMap<>();
        try (var jars = Files.list(app.resolve("app"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                for (ModuleReference module : ModuleFinder.of(jar).findAll()) {
                    for (ModuleDescriptor.Requires requires : module.descriptor().requires()) {
                        String name = requires.name();
                        if ((name.startsWith("java.") || name.startsWith("jdk."))
                                && !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                                && !runtime.contains(name)) {
                            missing.computeIfAbsent(jar.getFileName().toString(), k -> new TreeSet<>()).add(name);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("JDK modules required by the packaged jars but not in the runtime").isEmpty();
    }

    @Test
    void thePackagedLauncherOpensTheWorkbenchOnAServer() throws Exception {
        TarballServer server = TarballServer.shared();
        Path out = root.getParent();
        Path launcher = root.resolve(APP.substring(1) + "/bin/sightline-workbench");
        try (Xvfb display = Xvfb.start()) {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--server=" + server.url(),
                    "--api-key=" + TarballServer.ADMIN_KEY).redirectErrorStream(true)
                    .redirectOutput(out.resolve("workbench.log").toFile());
            builder.environment().put("DISPLAY", display.display);
            // the workbench keeps its connections and keys in its home directory: a scratch one, not the user's
            builder.environment().put("SIGHTLINE_DESKTOP_HOME", Files.createDirectories(out.resolve("home")).toString());
            builder.environment().keySet().removeIf(k -> k.startsWith("JAVA_") || k.startsWith("_JAVA"));
            // and never the developer's keyring (the launcher's JVM reads JAVA_TOOL_OPTIONS)
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Dsightline.desktop.keyring=off");
            Process workbench = builder.start();
            try {
                Instant end = Instant.now().plus(Duration.ofMinutes(2));
                // the window's title names the server once the workbench has signed in with the key
                String connected = "\"Sightline \u2014 " + server.url() + "\"";
                String windows = "";
                while (Instant.now().isBefore(end) && !windows.contains(connected)) {
                    assertThat(workbench.isAlive()).as("the workbench exited:\n" + Files.readString(out.resolve("workbench.log")))
                            .isTrue();
                    Thread.sleep(1000);
                    windows = display.windows();
                }
                assertThat(windows).as("a window titled " + connected + "; log:\n" + Files.readString(out.resolve("workbench.log")))
                        .contains(connected);
                // drawn: rendering the first frame takes a while on a busy machine
                Path png = out.resolve("workbench.png");
                int colours = 0;
                while (Instant.now().isBefore(end) && colours <= 20) {
                    Thread.sleep(2000);
                    display.screenshot(png);
                    colours = colours(ImageIO.read(png.toFile()));
                }
                assertThat(colours).as("the screenshot shows a drawn window: " + png).isGreaterThan(20);
                Thread.sleep(2000);
                display.screenshot(png);
                assertThat(workbench.isAlive()).isTrue();
                assertThat(Files.readString(out.resolve("workbench.log"))).doesNotContain("Exception");
            } finally {
                workbench.destroy();
                if (!workbench.waitFor(20, TimeUnit.SECONDS)) {
                    workbench.destroyForcibly();
                }
            }
        }
        assertThat(server.status("/ping")).isEqualTo(200);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
