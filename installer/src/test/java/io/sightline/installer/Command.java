package io.sightline.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end: its exit code and its output (standard output and error together). */
record Command(int exit, String output) {

    static Command run(Path workDir, Map<String, String> env, Duration timeout, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
        }
        return new Command(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Command run(String... command) throws IOException, InterruptedException {
        return run(null, Map.of(), Duration.ofMinutes(2), command);
    }

    /** The output of a command that must succeed. */
    static String ok(String... command) throws IOException, InterruptedException {
        Command result = run(command);
        if (result.exit != 0) {
            throw new AssertionError(String.join(" ", List.of(command)) + " exited with " + result.exit + ":\n"
                    + result.output);
        }
        return result.output;
    }
}
