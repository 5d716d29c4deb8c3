package io.sightline.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Records a running JVM (a server started by a bench, or by hand) with async-profiler for a number of seconds and
 * writes a flame graph ({@code .html}) or collapsed stacks ({@code .collapsed}), as issue 10's profiles in
 * docs/performance.md were made. The profiler's Linux library comes from its Maven Central jar; it is loaded into the
 * target through the JDK's attach API, so the target needs no flag at start.
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" io.sightline.bench.ProfileProcess \
 *      &lt;pid&gt; &lt;seconds&gt; &lt;cpu|wall|alloc&gt; &lt;out.html|out.collapsed&gt; [interval, e.g. 1ms]
 * </pre>
 * {@code wall} samples every thread whether it runs or waits (where a worker thread's time per job goes: its waits
 * for PostgreSQL and Redis included); {@code cpu} only what runs. Thread names are kept ({@code threads}).
 */
public final class ProfileProcess {

    private ProfileProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !args[1].matches("\\d{1,4}") || !args[2].matches("cpu|wall|alloc|itimer")) {
            System.err.println("usage: ProfileProcess <pid> <seconds> <cpu|wall|alloc|itimer> <out.html|out.collapsed> [interval]");
            System.exit(2);
        }
        Path library = library();
        Path out = Path.of(args[3]).toAbsolutePath();
        String interval = args.length > 4 ? ",interval=" + args[4] : "";
        VirtualMachine target = VirtualMachine.attach(args[0]);
        try {
            target.loadAgentPath(library.toString(), "start,event=" + args[2] + interval + ",threads,file=" + out);
            Thread.sleep(Long.parseLong(args[1]) * 1000);
            target.loadAgentPath(library.toString(), "stop,file=" + out);
        } finally {
            target.detach();
        }
        System.out.println("wrote " + out);
    }

    /** The library inside the async-profiler jar, copied out once (a JVM loads a library only from a file). */
    private static Path library() throws IOException {
        if (!System.getProperty("os.name").startsWith("Linux") || !System.getProperty("os.arch").equals("amd64")) {
            throw new IllegalStateException("This bench's async-profiler library is the linux-x64 one");
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "sightline-bench-asyncProfiler-4.1.so");
        try (InputStream in = ProfileProcess.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("No linux-x64/libasyncProfiler.so on the classpath (tools.profiler:async-profiler)");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
