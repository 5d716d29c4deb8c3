package io.sightline.server.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a test that was answered "the metadata store cannot be reached" prints beside the answer, so that a failure
 * on a CI machine says why: the stacks of the store's background check, of every thread inside the H2 engine and
 * of every server thread busy in the server's code, which may hold the pool's connections (the shared test servers
 * run in the test JVM, so their threads are this JVM's).
 */
final class OutageDiagnosis {

    private static final int FRAMES = 16;
    private static final int THREADS = 40;

    private OutageDiagnosis() {
    }

    static String of(int status, String body) {
        if (status != 503 || body == null || !body.contains("metadata store")) {
            return "";
        }
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(OutageDiagnosis::telling)
                .limit(THREADS)
                .map(OutageDiagnosis::describe)
                .collect(Collectors.joining("\n", "\nThreads of the metadata store at this moment:\n", "\n"));
    }

    private static boolean telling(Map.Entry<Thread, StackTraceElement[]> thread) {
        if (thread.getKey() == Thread.currentThread()) {
            return false;
        }
        return thread.getKey().getName().startsWith("metadata-store")
                || Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().startsWith("org.h2.")
                        || frame.getClassName().startsWith("io.sightline.server.")
                                && !frame.getClassName().startsWith("io.sightline.server.ops.MetadataStoreProbe"));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return "\"" + thread.getKey().getName() + "\" " + thread.getKey().getState() + Arrays.stream(thread.getValue())
                .limit(FRAMES).map(frame -> "\n    at " + frame).collect(Collectors.joining());
    }
}
