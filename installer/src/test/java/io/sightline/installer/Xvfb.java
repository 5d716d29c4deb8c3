package io.sightline.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A virtual X display of its own (Xvfb picks a free display number and tells it), for a window and a screenshot. */
final class Xvfb implements AutoCloseable {

    private final Process process;
    final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    static Xvfb start() throws IOException {
        Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = new BufferedReader(new InputStreamReader(process.getInputStream())).readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            process.destroyForcibly();
            throw new AssertionError("Xvfb did not start (Debian: apt-get install xvfb)");
        }
        return new Xvfb(process, ":" + number.strip());
    }

    /** The names of the top-level windows on this display, as xwininfo lists them. */
    String windows() throws IOException, InterruptedException {
        return Command.run(null, Map.of("DISPLAY", display), Duration.ofSeconds(20), "xwininfo", "-root", "-tree").output();
    }

    void screenshot(Path png) throws IOException, InterruptedException {
        Command shot = Command.run(null, Map.of("DISPLAY", display), Duration.ofSeconds(30), "import", "-window", "root",
                png.toString());
        if (shot.exit() != 0) {
            throw new AssertionError("import failed: " + shot.output());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
