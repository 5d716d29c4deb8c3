package io.sightline.server.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a test that was answered "the metadata store cannot be reached" prints beside the answer, so that a failure
 * on a CI machine says why: the stacks of the store's background check and of every thread inside the H2 engine
 * (the shared test servers run in the test JVM, so their threads are this JVM's).
 */
final class OutageDiagnosis {

    private static final int FRAMES = 12;

    private OutageDiagnosis() {
    }

    static String of(int status, String body) {
        if (status != 503 || body == null || !body.contains("metadata store")) {
            return "";
        }
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(OutageDiagnosis::telling)
                .map(OutageDiagnosis::describe)
                .collect(Collectors.joining("\n", "\nThreads of the metadata store at this moment:\n", "\n"));
    }

    private static boolean telling(Map.Entry<Thread, StackTraceElement[]> thread) {
        return thread.getKey().getName().startsWith("metadata-store")
                || Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().startsWith("org.h2."));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return "\"" + thread.getKey().getName() + "\" " + thread.getKey().getState() + Arrays.stream(thread.getValue())
                .limit(FRAMES).map(frame -> "\n    at " + frame).collect(Collectors.joining());
    }
}
